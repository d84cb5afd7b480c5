"""The pure heart of Hotseat: packs, plans, transcripts and (later) analysis.

Nothing in here imports Qt, audio, speech or database libraries, and nothing reads the clock or
a random source by itself: time and randomness are passed in. A test enforces this.
"""
