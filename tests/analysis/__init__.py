"""Tests of answer analytics: labelled transcripts and a generated, labelled audio set."""
