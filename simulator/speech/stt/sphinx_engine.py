"""PocketSphinx recognition with its built-in US English model, cut into utterances at pauses.

Sphinx does its second decoding pass in ``end_utt()``, which takes about 1 s per 45 s of
speech here; one long utterance would make the user wait for the final transcript. So the
stream is cut at pauses found by Sphinx's own voice activity detector, every sample still
goes to the decoder, and word times stay cumulative.

Live decoding normalises the audio with a running cepstral mean, which starts from a generic
guess: a fresh decoder misrecognises the first seconds ("who care about" -> "he cared down"
on clear synthetic speech). So the first utterance of a fresh decoder is decoded again as a
whole by a new decoder, which sets the mean from the speaker's own audio; decoders then go
back to a pool and keep that mean for the next answers (same speaker, same microphone).

A recorded file (``whole_file``) needs no live guess: the first utterance is held back and
decoded once, whole, by a fresh decoder, which is what the live path's second pass gives,
at the cost of one decode instead of two. Both passes must start from a decoder that has
decoded nothing: a decoder's state after any decode (even of a fraction of a second, too
short to warm it) changes the next whole-utterance decode's words, times and confidences, so
a file would no longer be transcribed as the session heard it. The pool therefore keeps cold
decoders only while they are unused.
"""

from __future__ import annotations

import math
import threading

from pocketsphinx import Decoder, Vad

from simulator.audio.resample import StreamResampler
from simulator.core.transcript import Transcript, Word
from simulator.speech.stt.base import SPHINX_MODEL_NAME, clean_text, clean_word, join_text

ENGINE = "pocketsphinx"
MODEL_NAME = SPHINX_MODEL_NAME
DECODER_RATE = 16000

# A pause this long after speech ends an utterance.
SPLIT_PAUSE_S = 0.45
# Past this length any short pause ends it, to bound the final pass's cost.
LONG_UTTERANCE_S = 15.0
SHORT_PAUSE_S = 0.15
# While the decoder is fresh, utterances are kept short since each is decoded twice.
COLD_UTTERANCE_S = 5.0
# A whole-utterance decode of at least this much audio gives a usable cepstral mean.
WARM_UP_S = 1.0


def _new_decoder() -> Decoder:
    # Sphinx's own error lines (harmless ones included) would land on the user's terminal.
    return Decoder(loglevel="FATAL")


class DecoderPool:
    """Idle decoders for reuse: building one loads the model (about 0.5 s here), and a used
    one has learnt the speaker's cepstral mean. A cold one (not warm) has decoded nothing."""

    def __init__(self) -> None:
        self._idle: list[tuple[Decoder, bool]] = []
        self._lock = threading.Lock()

    def take(self) -> tuple[Decoder, bool]:
        """A decoder and whether it is warm (has decoded speech before); a cold one is as
        built."""
        with self._lock:
            if self._idle:
                # Warm decoders are at the end (see give_back).
                return self._idle.pop()
        return _new_decoder(), False

    def give_back(self, decoder: Decoder, warm: bool) -> None:
        """Keep ``decoder``: ``warm``, or cold and never given audio (see the module doc)."""
        with self._lock:
            self._idle.append((decoder, warm))
            self._idle.sort(key=lambda item: item[1])

    def preload(self) -> None:
        with self._lock:
            if self._idle:
                return
        self.give_back(_new_decoder(), False)


class SphinxRecognizer:
    """One answer through a PocketSphinx decoder taken from a pool and returned by finish()."""

    engine = ENGINE
    model = MODEL_NAME

    def __init__(self, pool: DecoderPool, sample_rate: int, whole_file: bool = False) -> None:
        self.sample_rate = sample_rate
        # A file gives no partial results while cold: its first utterance is decoded once.
        self._whole_file = whole_file
        self._pool = pool
        self._decoder, warm = pool.take()
        self._cold = not warm
        self._used = warm  # whether this decoder has been given audio
        self._utt_audio = bytearray()  # kept only while cold, for the second decode
        self._frate = int(self._decoder.config["frate"])
        self._vad = Vad(Vad.LOOSE, DECODER_RATE)
        self._frame_bytes = self._vad.frame_bytes
        frame_s = self._frame_bytes / 2 / DECODER_RATE
        self._split_frames = math.ceil(SPLIT_PAUSE_S / frame_s)
        self._short_frames = math.ceil(SHORT_PAUSE_S / frame_s)
        self._long_samples = int(LONG_UTTERANCE_S * DECODER_RATE)
        self._cold_samples = int(COLD_UTTERANCE_S * DECODER_RATE)
        self._resampler = StreamResampler(sample_rate, DECODER_RATE)
        self._vad_buffer = b""
        self._input_bytes = 0
        self._decoded_samples = 0  # 16 kHz samples given to the decoder
        self._utt_start = 0  # in 16 kHz samples
        self._utt_speech = False
        self._silent_frames = 0
        self._words: list[Word] = []
        self._final_text = ""
        self._last_partial = ""
        self._finished = False
        self._decoder.start_utt()

    def accept(self, pcm: bytes) -> str | None:
        self._input_bytes += len(pcm)
        self._vad_buffer += self._resampler.process(pcm)
        usable = len(self._vad_buffer) - len(self._vad_buffer) % self._frame_bytes
        pending = bytearray()
        for offset in range(0, usable, self._frame_bytes):
            frame = self._vad_buffer[offset : offset + self._frame_bytes]
            pending += frame
            if self._vad.is_speech(frame):
                self._utt_speech = True
                self._silent_frames = 0
            else:
                self._silent_frames += 1
            if self._should_split(len(pending)):
                self._feed(bytes(pending))
                pending.clear()
                self._end_utterance()
                self._decoder.start_utt()
        self._feed(bytes(pending))
        self._vad_buffer = self._vad_buffer[usable:]
        hyp = self._decoder.hyp()
        text = join_text(self._final_text, clean_text(hyp.hypstr if hyp else ""))
        if text == self._last_partial:
            return None
        self._last_partial = text
        return text

    def _should_split(self, pending_bytes: int) -> bool:
        length = self._decoded_samples + pending_bytes // 2 - self._utt_start
        if self._utt_speech and self._silent_frames >= self._split_frames:
            return True
        limit = self._cold_samples if self._cold else self._long_samples
        return length >= limit and self._silent_frames >= self._short_frames

    def _feed(self, pcm: bytes) -> None:
        if pcm:
            if not (self._cold and self._whole_file):
                self._decoder.process_raw(pcm, False, False)
                self._used = True
            self._decoded_samples += len(pcm) // 2
            if self._cold:
                self._utt_audio += pcm

    def _end_utterance(self) -> None:
        if self._cold and self._whole_file:
            self._decode_held()
        else:
            self._decoder.end_utt()
            if self._cold:
                self._redecode_whole()
        offset = self._utt_start / DECODER_RATE
        # seg() is None for an utterance too short to decode (Sphinx logs "Empty backpointer
        # table"), e.g. an answer stopped at once.
        for seg in self._decoder.seg() or ():
            text = clean_word(seg.word)
            if text is None:
                continue
            start = offset + seg.start_frame / self._frate
            end = offset + (seg.end_frame + 1) / self._frate  # end_frame is inclusive
            # The binding already turns the log posterior into a probability (it can exceed
            # 1 by rounding).
            conf = min(1.0, max(0.0, seg.prob))
            self._words.append(Word(text, start, end, conf))
        self._final_text = " ".join(word.text for word in self._words)
        self._utt_start = self._decoded_samples
        self._utt_speech = False
        self._silent_frames = 0

    def _redecode_whole(self) -> None:
        """Decode the utterance again in one piece, which estimates the cepstral mean from it.

        Only a decoder that has never decoded live gets this right: after a live pass, a
        whole-utterance decode still starts from the live mean and repeats its mistakes
        (checked: "my teammate wanted" stays "nineteen a blind"). So the second pass runs on a
        new decoder (about 0.4 s to build), which then carries on with the speaker's mean.
        """
        audio = bytes(self._utt_audio)
        self._utt_audio.clear()
        if not self._utt_speech:
            return
        self._decoder = _new_decoder()
        self._decoder.start_utt()
        self._decoder.process_raw(audio, False, True)
        self._decoder.end_utt()
        self._used = True
        if len(audio) // 2 >= WARM_UP_S * DECODER_RATE:
            self._cold = False

    def _decode_held(self) -> None:
        """A file's cold utterance, decoded once in one piece by the still-fresh decoder.

        An utterance with no voice in it is left undecoded (and the decoder fresh): a
        whole-utterance mean taken from silence would misguide the next one.
        """
        audio = bytes(self._utt_audio)
        self._utt_audio.clear()
        if self._utt_speech:
            if self._used:
                # An earlier held utterance was too short to warm this decoder but has
                # changed it: decode on a new one, as the live path's second pass does.
                self._decoder = _new_decoder()
                self._decoder.start_utt()
            self._decoder.process_raw(audio, False, True)
            self._used = True
        self._decoder.end_utt()
        if self._utt_speech and len(audio) // 2 >= WARM_UP_S * DECODER_RATE:
            self._cold = False

    def finish(self) -> Transcript:
        if self._finished:
            raise RuntimeError("finish() was already called for this answer")
        self._finished = True
        tail = self._vad_buffer + self._resampler.flush()
        self._feed(tail[: len(tail) - len(tail) % 2])
        self._end_utterance()
        # Only a decoder whose utterance ended cleanly goes back for the next answer, and a
        # cold one only if unused: a file's held decode relies on that (see the module doc).
        if not self._cold or not self._used:
            self._pool.give_back(self._decoder, not self._cold)
        duration = self._input_bytes // 2 / self.sample_rate
        words = tuple(
            Word(w.text, min(w.start, duration), min(w.end, duration), w.conf) for w in self._words
        )
        return Transcript(words=words, engine=ENGINE, model=MODEL_NAME, duration_s=duration)


__all__ = ["DECODER_RATE", "ENGINE", "MODEL_NAME", "DecoderPool", "SphinxRecognizer"]
