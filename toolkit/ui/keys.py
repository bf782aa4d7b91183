"""Keys for the presenter view: the arrows and Page Up/Down (what a presentation clicker sends)
press its Back and Next buttons while it is on screen.

Voila shows a notebook's JavaScript output; this is the only script the dashboard adds, and it
holds nothing but this fixed text.
"""

from __future__ import annotations

PRESENTER_KEYS = """
if (!window.lrkitPresenterKeys) {
  window.lrkitPresenterKeys = true;
  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest && event.target.closest(
      'input, textarea, select, [contenteditable]');
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    const forward = event.key === 'ArrowRight' || event.key === 'PageDown';
    const backward = event.key === 'ArrowLeft' || event.key === 'PageUp';
    if (!forward && !backward) return;
    const view = document.querySelector('.lr-presenter');
    if (!view || view.offsetParent === null) return;  // not on screen
    const button = view.querySelector(forward ? '.lr-presenter-next' : '.lr-presenter-back');
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });
}
"""


class PresenterKeys:
    """Display one in the dashboard's notebook: its output is the script above."""

    def _repr_javascript_(self) -> str:
        return PRESENTER_KEYS
