"""A barrier between the learner's screen and the kernel, made of stock ipywidgets.

Why it is needed
----------------
ipywidgets 8's front end throttles each model separately
(``@jupyter-widgets/base/lib/widget.js``): ``WidgetModel.sync()`` sends a state change at
once only when the model has no message pending; otherwise it buffers it
(``_msg_buffer``) and ``WidgetModel._handle_status()`` sends the buffer when the kernel
reports ``idle`` for the pending message. A button click is a custom message
(``WidgetModel.send()``) and goes out at once. So when a learner presses an arrow key
three times and clicks "Opslaan" at once, the kernel receives: value 1, click, value 3.
Saving in the click handler saves value 1, while the screen shows 3.

What it does
------------
:class:`Slagboom` is a hidden ``Play`` widget. ``na_synchronisatie(callback)`` does not
call ``callback`` at once: it asks the front end for round trips and calls ``callback``
when the last answer arrives. The answer is sent after every change the front end made
before the request, because:

1. The kernel handles the shell messages of one thread in order and publishes ``status:
   idle`` for each (``ipykernel.kernelbase.Kernel.dispatch_shell``) on one ordered IOPub
   stream (``ipykernel.iostream.IOPubThread.schedule``).
2. The front end handles kernel messages strictly in order
   (``KernelConnection._onWSMessage`` chains ``_handleMessage`` on ``_msgChain``, in
   ``@jupyterlab/services``, used by JupyterLab and Voilà alike). Handling an ``idle``
   runs ``WidgetModel._handle_status()``, which sends that model's buffered value at
   once, before any later kernel message is looked at.
3. ``PlayView.onPlayingChanged`` (``@jupyter-widgets/controls/lib/widget_int.js``) calls
   ``PlayModel.animate()`` -> ``loop()``, which raises ``value`` and calls
   ``save_changes()``: the answer. ``value`` can only reach ``n`` after the front end has
   applied request ``n`` (its ``max`` is then ``n``), so an answer ``value >= n`` is sent
   after every value the front end flushed on an ``idle`` published before request ``n``.
   The WebSocket, the Jupyter server and the kernel's shell channel keep that order.

One thread (Voilà 0.5, JupyterLab with ``commsOverSubshells: disabled``, JupyterLite):
every value message sent before the click is handled, and its ``idle`` published, before
the click handler publishes request 1; so the first answer suffices.

JupyterLab 4.6 with ipykernel 7 by default sends widget messages to a kernel *subshell*
(setting ``@jupyterlab/apputils-extension:kernels-settings`` ``commsOverSubshells``:
``perCommTarget``), and ipykernel routes each comm to the thread that published on it last
(``ipykernel.comm.comm.BaseComm._reply_subshell_for``): a button's clicks and a slider's
first message go to the main thread, later slider values (after their echo) and the Play's
answers to the subshell thread. So the click can be handled before a value sent earlier
(seen: 1 round in 12). Hence a second round trip (``rondes=2``): request 2 is published
while answer 1 is handled on the subshell thread, after every message queued there before
answer 1 (so after every value sent before the click) and after their ``idle``; the
values those ``idle`` messages flush travel on the same subshell thread as answer 2, ahead
of it. With ``perComm`` (one subshell per comm) no number of rounds is a proof.

A stale animation timer from an earlier round is harmless: it can only raise ``value``
up to the ``max`` the front end has received. Each request first sends ``playing =
False`` and then ``playing = True`` (two messages), so the view sees a change even when
kernel and front end disagree about ``playing`` (a timer that already paused, a reloaded
page, a view created after an earlier request).

The Play is hidden with ``display: none``: its view is still created and rendered (the
view, not the model, starts the animation), but it is out of the page's layout, tab order
and accessibility tree. It must be displayed as part of the widget that uses it (put it
in the same box as the button): a Slagboom that no front end renders never answers.

Pure Python + ipywidgets: no threads. The optional time-out uses the kernel's asyncio
loop (ipykernel's, or Pyodide's WebLoop).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

__all__ = ["Slagboom"]

log = logging.getLogger(__name__)

# The front end's animation step after an answer (it pauses itself then); short, so a
# request that meets a still-running animation is answered quickly too.
INTERVAL_MS = 20


@dataclass
class _Verzoek:
    ronde: int  # the round whose answer this request waits for now
    callback: Callable[[], Any]
    bij_verlopen: Callable[[], Any] | None
    resterend: int  # round trips still to make, this one included
    timer: Any = field(default=None)  # an asyncio.TimerHandle, when a loop is running


class Slagboom(widgets.Play):
    """A hidden widget: include it in the box of the widget whose values must be in the
    kernel before something happens (e.g. saving).

    >>> slagboom = Slagboom()
    >>> box = widgets.VBox([schuif, knop, status, slagboom])
    >>> knop.on_click(lambda _: slagboom.na_synchronisatie(bewaar))

    ``bewaar`` then runs once every change the learner made on screen before the click
    has reached the kernel.
    """

    def __init__(self, wachttijd: float | None = 10.0, rondes: int = 2, **kwargs):
        """``wachttijd``: seconds after which ``bij_verlopen`` of a request is called when
        no answer came (None: never); a late answer still runs the callback. ``rondes``:
        round trips per request; the second one covers JupyterLab's comms over subshells
        (see the module's docstring)."""
        # With comms over subshells, a click and an answer are handled on two threads.
        self._slot = threading.RLock()
        self._open: list[_Verzoek] = []
        self._ronde = 0
        if rondes < 1:
            raise ValueError("rondes moet minstens 1 zijn")
        self.wachttijd = wachttijd
        self.rondes = rondes
        kwargs.setdefault("layout", widgets.Layout(display="none"))
        super().__init__(value=0, min=0, max=0, step=1, interval=INTERVAL_MS,
                         repeat=False, show_repeat=False, playing=False, **kwargs)
        self.observe(self._bij_antwoord, names="value")

    @property
    def open_verzoeken(self) -> int:
        """How many requests still wait for the front end."""
        return len(self._open)

    def na_synchronisatie(self, callback: Callable[[], Any],
                          bij_verlopen: Callable[[], Any] | None = None) -> int:
        """Call ``callback()`` in the kernel once every front-end change made before now
        has reached the kernel. Returns the number of the first round of this request.

        ``bij_verlopen()`` is called (once) when no answer came within ``wachttijd``
        seconds; the request stays open. Callbacks run in the order of the requests."""
        with self._slot:
            verzoek = _Verzoek(self._vraag_ronde(), callback, bij_verlopen, self.rondes)
            self._open.append(verzoek)
        if bij_verlopen is not None and self.wachttijd is not None:
            loop = _lus()
            if loop is not None:
                verzoek.timer = loop.call_later(self.wachttijd, self._verlopen, verzoek)
        return verzoek.ronde

    def annuleer(self) -> None:
        """Forget every open request (their callbacks will not run)."""
        with self._slot:
            open_, self._open = self._open, []
        for verzoek in open_:
            if verzoek.timer is not None:
                verzoek.timer.cancel()

    def close(self):
        self.annuleer()
        super().close()

    # -- internals --------------------------------------------------------------------------

    def _vraag_ronde(self) -> int:
        """Ask the front end for the next round trip; returns its number. Callers hold
        ``_slot``, so an answer handled on another thread sees the request recorded."""
        self._ronde += 1
        # First 'playing = False' (sent even if the kernel already thinks so), then
        # 'max = n, playing = True' in one message: the view always sees a False -> True
        # change and starts the animation, which answers with value n.
        was_bezig = self.playing
        self.playing = False
        if not was_bezig:
            self.send_state("playing")
        with self.hold_sync():
            self.max = self._ronde
            self.playing = True
        return self._ronde

    def _bij_antwoord(self, change) -> None:
        with self._slot:
            beantwoord = [v for v in self._open if v.ronde <= change["new"]]
            klaar = [v for v in beantwoord if v.resterend <= 1]
            verder = [v for v in beantwoord if v.resterend > 1]
            self._open = [v for v in self._open if v not in klaar]
            if verder:  # asked while this answer is handled: see the docstring
                ronde = self._vraag_ronde()
                for verzoek in verder:
                    verzoek.resterend -= 1
                    verzoek.ronde = ronde
        fouten = []
        for verzoek in klaar:
            if verzoek.timer is not None:
                verzoek.timer.cancel()
            try:
                verzoek.callback()
            except Exception as fout:  # the other callbacks still run
                fouten.append(fout)
        if fouten:
            raise fouten[0]

    def _verlopen(self, verzoek: _Verzoek) -> None:
        verzoek.timer = None
        if verzoek in self._open and verzoek.bij_verlopen is not None:
            verzoek.bij_verlopen()


def _lus() -> asyncio.AbstractEventLoop | None:
    """The kernel's event loop: the running one (ipykernel handles comm messages inside
    it), or Pyodide's WebLoop (always usable there). None outside a kernel."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        pass
    if sys.platform == "emscripten":
        return asyncio.get_event_loop()
    return None
