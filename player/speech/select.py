"""Choosing the voice: spoken words, else chimes, else captions only. Never an error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from player.home.user_dirs import UserDirs
from player.language import N_, _
from player.playback.speaker import SilentSpeaker, Speaker
from player.speech.clip_folder import NoClipFolder
from player.speech.clips import AudioOut, Ears, VoiceSpeaker
from player.speech.synth import (
    VOICES_COMMAND,
    NoVoiceForLanguage,
    Pyttsx3Synthesizer,
    SpeechUnavailable,
    VoiceSettings,
    fix_hint,
    installed_voices,
)
from player.speech.voices import Voice

NO_AUDIO = N_("No audio device found: cues are shown as captions only.")
NO_AUDIO_NOR_CAPTIONS = N_("No audio device found: cues are neither spoken nor shown.")


def speech_cache() -> Path:
    return UserDirs.from_environment().speech_cache


def no_speech_notice(reason: str) -> str:
    return _(
        "No speech engine ({reason}). For a voice, run: {fix}. Until then: chimes and captions."
    ).format(reason=reason, fix=fix_hint())


def list_voices() -> tuple[Voice, ...]:
    """The installed voices, or SpeechUnavailable with the one line that says how to fix it."""
    try:
        return installed_voices()
    except SpeechUnavailable as error:
        raise SpeechUnavailable(no_speech_notice(str(error))) from None


def start_synthesizer(
    settings: VoiceSettings,
    cache_dir: Path | None = None,
    notices: Callable[[str], None] = lambda line: None,
    voices_command: str = VOICES_COMMAND,
) -> Pyttsx3Synthesizer:
    """The speech engine, or SpeechUnavailable with the one line that says how to fix it.
    ``notices`` gets one line about the clip folder when something is wrong with it, and
    one when the voice asked for is not installed (``voices_command`` lists those that are)."""
    try:
        return Pyttsx3Synthesizer(cache_dir or speech_cache(), settings, notices, voices_command)
    except NoClipFolder as error:
        raise SpeechUnavailable(str(error)) from None
    except NoVoiceForLanguage:
        raise  # the engine is there: its line says which language no voice speaks
    except SpeechUnavailable as error:
        raise SpeechUnavailable(no_speech_notice(str(error))) from None
    except OSError as error:
        raise SpeechUnavailable(no_speech_notice(str(error))) from None


def make_speaker(
    settings: VoiceSettings,
    notices: Callable[[str], None],
    *,
    captions: bool = True,
    cache_dir: Path | None = None,
    voices_command: str = VOICES_COMMAND,
    ears: Ears | None = None,
) -> Speaker:
    """The best speaker this machine allows. ``notices`` gets one line for each fallback;
    ``captions`` says whether the shell shows the cues as captions (``--ui none`` does not);
    ``ears`` are told every sound played (voice commands take it out of what they hear)."""
    audio = AudioOut.open(ears)
    if audio is None:
        notices(_(NO_AUDIO if captions else NO_AUDIO_NOR_CAPTIONS))
        return SilentSpeaker()
    return VoiceSpeaker(
        audio,
        lambda: start_synthesizer(settings, cache_dir, notices, voices_command),
        notices,
    )
