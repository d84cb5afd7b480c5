"""What ``find_question`` hears as a question, judged on sentences a candidate says.

Written as the recogniser gives them: lower case, no punctuation. The statements are the kind
that used to be taken for questions: a question word opening a clause inside a statement
("where it scans", "how it works is", "what it does is", "when users complained").
"""

from __future__ import annotations

import pytest

from simulator.core.drills.clarify import find_question

QUESTIONS = [
    ("which page is slow", "Which page is slow?"),
    ("okay so which page is slow", "Which page is slow?"),
    ("is it a web app", "Is it a web app?"),
    ("how long do i have for this", "How long do I have for this?"),
    ("how fast does it need to be", "How fast does it need to be?"),
    ("when did it get slow", "When did it get slow?"),
    ("what programming language is it written in", "What programming language is it written in?"),
    ("where does it scan the table", "Where does it scan the table?"),
    ("how does it work today", "How does it work today?"),
    ("what did you try already", "What did you try already?"),
    ("who are the main users", "Who are the main users?"),
    ("why is that a priority now", "Why is that a priority now?"),
    ("how many users do we have", "How many users do we have?"),
    ("how much budget is there", "How much budget is there?"),
    ("how big is the team", "How big is the team?"),
    ("how often does it happen", "How often does it happen?"),
    ("where do most users come from", "Where do most users come from?"),
    ("when is the deadline", "When is the deadline?"),
    ("what's the deadline", "What's the deadline?"),
    ("do users see it on their phones", "Do users see it on their phones?"),
    ("can i talk to the users", "Can I talk to the users?"),
    ("so do we have any numbers on it", "Do we have any numbers on it?"),
    ("who owns the search service", "Who owns the search service?"),
    ("what happened last time", "What happened last time?"),
    ("um where is it slowest", "Where is it slowest?"),
    ("i know how it works but which page is slow", "Which page is slow?"),
    ("what it does is fine but where is the time spent", "Where is the time spent?"),
    ("when you say faster what do you mean", "What do you mean?"),
    ("why not just add a cache", "Why not just add a cache?"),
    ("how about mobile users", "How about mobile users?"),
    ("whose team maintains it", "Whose team maintains it?"),
    ("are there any limits on the budget", "Are there any limits on the budget?"),
    ("okay but why", "Why?"),
]

STATEMENTS = [
    "we moved the index to where it scans only new rows",
    "the slow part is where it scans the whole table",
    "we saw where it spends the time",
    "how it works is the page asks the server for everything",
    "how the cache works is simple",
    "what we did was add an index",
    "what it does is load every row",
    "when it broke we rolled back",
    "when users complained we measured the page",
    "where the search runs we added logging",
    "how users feel about it matters most",
    "why it matters is that users leave",
    "who it is for decides the design",
    "what this means is the page waits on the database",
    "what you need is a smaller query",
    "what he said was that it timed out",
    "what I would do first is measure it",
    "I know how it works so I would profile it",
    "it is slow so we add a cache",
    "that's why we need numbers",
    "what happened was we shipped late",
    "what matters is the user",
    "this is how we found the slow query",
    "it depends on how many users there are",
    "i will start by looking at where the time goes",
    "the first thing i would check is when it got slow",
]


@pytest.mark.parametrize(("sentence", "question"), QUESTIONS)
def test_a_question_is_heard_from_its_question_word_on(sentence: str, question: str) -> None:
    assert find_question(tuple(sentence.split())) == question


@pytest.mark.parametrize("sentence", STATEMENTS)
def test_a_statement_is_not_taken_for_a_question(sentence: str) -> None:
    assert find_question(tuple(sentence.split())) is None
