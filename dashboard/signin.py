"""Who may change data. Viewers read; the Review and Add articles pages need an editor.

From `.streamlit/secrets.toml` (see secrets.toml.example), in this order:
- an `[auth]` section: sign-in through an OpenID Connect provider (`st.login`); editors
  are the e-mail addresses listed in `[review] editors` (signing in proves who someone
  is, not that they may edit);
- else `[review.passwords]`: a name and a password whose salted hash is kept there
  (`python -m dashboard password-hash`);
- else nothing: the app is read-only and the pages say so.
A page piece (it imports streamlit), like ui.py.
"""
from __future__ import annotations

import logging
import time

import streamlit as st

from dashboard.passwords import verify_password

log = logging.getLogger("dashboard.signin")
MAX_TRIES = 5          # wrong passwords in a session before it must wait
WAIT_SECONDS = 60
_EDITOR = "_editor"    # session-state key of the name signed in with a password


def secrets() -> dict:
    """The app's secrets as a dict; empty when there is no secrets file (or it cannot be read)."""
    try:
        return st.secrets.to_dict()
    except Exception as e:  # no file, or a file that is not TOML: the app stays read-only
        if "No secrets" not in str(e):
            log.warning("secrets could not be read: %s", type(e).__name__)
        return {}


def _review(s: dict) -> dict:
    r = s.get("review")
    return r if isinstance(r, dict) else {}


def mode(s: dict) -> str | None:
    """"oidc", "password", or None (read-only)."""
    if isinstance(s.get("auth"), dict) and s["auth"]:
        return "oidc"
    pw = _review(s).get("passwords")
    if isinstance(pw, dict) and pw:
        return "password"
    return None


def editor() -> str | None:
    """The signed-in editor's name (their e-mail with OIDC), or None for a viewer."""
    s = secrets()
    how = mode(s)
    if how == "oidc":
        user = _user()
        email = str(user.get("email") or "").strip().lower()
        allowed = {str(e).strip().lower() for e in _review(s).get("editors") or []}
        return email if user.get("is_logged_in") and email and email in allowed else None
    if how == "password":
        name = st.session_state.get(_EDITOR)
        return name if name in _review(s)["passwords"] else None
    return None


def _user() -> dict:
    try:
        return st.user.to_dict()
    except Exception:
        return {}


def panel(action: str) -> str | None:
    """The sign-in box of a page that changes data (`action`: what signing in allows);
    returns the editor's name, or None after saying why this viewer cannot change anything."""
    s = secrets()
    how = mode(s)
    if how is None:
        st.info(f"This dashboard is read-only: no sign-in is configured, so nobody can {action} here. "
                "Whoever runs it can enable sign-in in `.streamlit/secrets.toml` (see "
                "`.streamlit/secrets.toml.example`), or use the command line.", icon=":material/lock:")
        return None
    who = editor()
    if how == "oidc":
        return _oidc_panel(s, who, action)
    return _password_panel(s, who, action)


def _oidc_panel(s: dict, who: str | None, action: str) -> str | None:
    user = _user()
    if user.get("is_logged_in"):
        name = user.get("email") or user.get("name") or "you"
        c = st.columns([4, 1])
        if who:
            c[0].caption(f"Signed in as {name}.")
        else:
            c[0].warning(f"Signed in as {name}, who is not an editor of this dashboard: you can read, "
                         f"not {action}. (Editors are listed in the secrets' [review] editors.)")
        if c[1].button("Sign out", key="signout"):
            st.logout()
        return who
    st.info(f"Sign in to {action}.", icon=":material/lock:")
    if st.button("Sign in", key="signin", type="primary"):
        try:
            st.login(_review(s).get("provider"))
        except Exception as e:  # a misconfigured [auth]: say so without its values
            log.warning("st.login failed: %s: %s", type(e).__name__, e)
            st.error("Sign-in is not set up correctly on this server; the log says why.")
    return None


def _password_panel(s: dict, who: str | None, action: str) -> str | None:
    if who:
        c = st.columns([4, 1])
        c[0].caption(f"Signed in as {who}.")
        if c[1].button("Sign out", key="signout"):
            st.session_state.pop(_EDITOR, None)
            st.rerun()
        return who
    tries = st.session_state.setdefault("_tries", [])
    recent = [t for t in tries if time.monotonic() - t < WAIT_SECONDS]
    st.session_state["_tries"] = recent
    with st.form("signin"):
        st.markdown(f"Sign in to {action}.")
        name = st.text_input("Name")
        password = st.text_input("Password", type="password")
        sent = st.form_submit_button("Sign in", type="primary")
    if sent:
        if len(recent) >= MAX_TRIES:
            st.error("Too many wrong passwords: wait a minute and try again.")
            return None
        stored = s["review"]["passwords"].get(name.strip())
        # a name that is not there costs as much as a wrong password: no telling names apart
        ok = verify_password(password, stored if isinstance(stored, str) else _DUMMY)
        if ok and isinstance(stored, str):
            st.session_state[_EDITOR] = name.strip()
            st.rerun()
        recent.append(time.monotonic())
        st.error("Wrong name or password.")
    return None


_DUMMY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
