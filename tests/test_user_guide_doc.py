"""docs/user-guide.md read against the product, as a new owner follows it: the places it
sends the owner to and the words it quotes from the app are the ones the app has."""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import platformdirs
import platformdirs.macos
import platformdirs.unix
import platformdirs.windows
import pytest

from agent.config import resolve_home

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "user-guide.md").read_text("utf-8")
README = (ROOT / "README.md").read_text("utf-8")


def said_for(system: str) -> list[str]:
    """The code spans of the guide's line for `system` under "Where the app keeps its files"."""
    section = GUIDE.split("### Where the app keeps its files", 1)[1].split("\n#", 1)[0]
    bullet = " ".join(section.split(f"- on {system} ", 1)[1].split("\n- ", 1)[0].split())
    return re.findall(r"`([^`]+)`", bullet)


@pytest.fixture
def default_home(monkeypatch, tmp_path):
    """The app's folder as the app finds it when none is given, with platformdirs acting as
    on the system the test names."""
    monkeypatch.delenv("FOOTAGE_AGENT_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))

    def on(system_dirs) -> str:
        monkeypatch.setattr(platformdirs, "PlatformDirs", system_dirs)
        return str(resolve_home())
    return on


def test_the_guide_says_where_the_apps_folder_is_on_windows(default_home, monkeypatch):
    """Guide hunt: the guide sent the owner to "a backup of the app's folder", to put
    `inbox.db`, `registrations.json` or `keys/owner.key` back there, and never said where
    that folder is; on Windows it is under AppData, which Explorer hides. The guide now names
    it: here it is checked against where the app really keeps it (the local AppData, not the
    roaming one, which a domain PC copies to every PC the owner logs in to)."""
    known = {"CSIDL_LOCAL_APPDATA": r"C:\Users\Ann\AppData\Local",
             "CSIDL_APPDATA": r"C:\Users\Ann\AppData\Roaming"}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", known.__getitem__)
    found = PureWindowsPath(default_home(platformdirs.windows.Windows))
    variable, whole = said_for("Windows")[:2]
    assert PureWindowsPath(variable.replace("%LOCALAPPDATA%", known["CSIDL_LOCAL_APPDATA"])) \
        == found
    assert PureWindowsPath(whole.replace("<your user name>", "Ann")) == found
    assert f"type `{variable}` in Explorer's address bar" in " ".join(GUIDE.split())
    assert f"`{variable}` on Windows" in README   # and the README says the same


@pytest.mark.parametrize("system, dirs", [("macOS", platformdirs.macos.MacOS),
                                          ("Linux", platformdirs.unix.Unix)])
def test_the_guide_says_where_the_apps_folder_is_on_macos_and_linux(default_home, tmp_path,
                                                                    system, dirs):
    said = said_for(system)[0]
    assert said.startswith("~/")
    assert PurePosixPath(default_home(dirs)) == PurePosixPath(tmp_path, said[2:])


# Bold words of the guide that are not the app's own: run-in headings of the guide itself, and
# what another program shows (Windows, Finder, Qt's standard buttons, in Qt's catalogue).
NOT_THE_APPS = {"If you lose your key", "If the recorder is off or unreachable",
                "If the recorder answers for its other cameras but not for one",
                "If the recorder's clock was reset", "If a channel is renamed on the recorder",
                "Sharing or exporting", "The list of recordings", "certificate fingerprint",
                "Copy as path", "Change Drive Letter and Paths", "Go", "Go to Folder…",
                "Discard", "^", "Show hidden icons", "Show more options", "Send to",
                "Desktop (create shortcut)"}


def app_words() -> list[str]:
    """Every text the app's windows show, as written in English (the translation's sources)."""
    ts = ROOT / "gui" / "i18n" / "footage_es.ts"
    return [" ".join(html.unescape(s).split())
            for s in re.findall(r"<source>(.*?)</source>", ts.read_text("utf-8"), re.S)]


def shown(words: str, texts: list[str]) -> bool:
    """`words` are the app's: inside one of its texts, or one of its templates filled in (one
    with words of its own: "{start} to {end}" would fit anything)."""
    return any(words in text
               or (len(re.sub(r"\{\w+\}|\W", "", text)) >= 10
                   and re.fullmatch(re.sub(r"\\\{\w+\\\}", ".+", re.escape(text)), words))
               for text in texts)


def test_every_button_and_label_the_guide_names_is_one_the_app_shows():
    """Guide hunt: the guide named the request page's right side **your footage for that
    time** and quoted its legal basis as "Voluntary request: no warrant, you may say no"; the
    app says "Your footage for this time." and "Voluntary request (no warrant: you may say
    no)". A new owner looks for the words the guide gives."""
    texts = app_words()
    named = {" ".join(b.split()).removeprefix("✔ ")
             for b in re.findall(r"\*\*([^*]+)\*\*", GUIDE)}
    # A name ending in "." is a run-in heading ("**Agency.**"), but not one ending in "...":
    # the guide named **Open a request file...**, a button that reads "Open a request file…".
    missing = sorted(b for b in named - NOT_THE_APPS
                     if (b.endswith("...") or not b.endswith(".")) and not shown(b, texts))
    assert missing == []
    basis = re.search(r'the legal basis \("([^"]+)"\)', " ".join(GUIDE.split())).group(1)
    assert shown(basis, texts), basis


def test_the_guide_quotes_where_the_running_app_is_as_the_app_says_it():
    """Guide hunt: with the window closed the app runs on in the tray, and both what it said
    then ("open it from the tray icon") and the box of a second start ("open it from its icon
    in the tray (by the clock ...)") sent a Windows owner to look by the clock, where Windows
    shows a new program's icon only under the ^ arrow (Show hidden icons): the owner found no
    way back to the app, nor to Quit, which the guide asks for before every repair. Both now
    say where, and the guide quotes them."""
    texts = app_words()
    flat = " ".join(GUIDE.split())
    for start in ('instead of opening a second copy ("', 'a notification says so ("'):
        quoted = flat.split(start, 1)[1].split('")', 1)[0]
        assert "under the ^ arrow beside the clock" in quoted
        assert all(shown(part.strip(" :"), texts) for part in quoted.split("...")), quoted


def test_the_guide_opens_the_app_as_packaging_installs_it_on_each_system():
    """Guide hunt: the guide never said how to open the app; its commands assumed a terminal
    where `footage-agent` is found, which on Windows (a folder of two programs, the app being
    the windowed `footage-agent-gui.exe`) and in the macOS app is not so. Its "Opening the
    app" names what packaging/ builds: the programs, their folder, the launcher's name, the
    program inside the macOS app, and each opens the app as the guide says."""
    import configparser
    import importlib.util
    import plistlib

    def load(name: str):
        spec = importlib.util.spec_from_file_location(f"guide_{name}",
                                                      ROOT / "packaging" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module   # dataclasses look their module up
        spec.loader.exec_module(module)
        return module
    section = " ".join(GUIDE.split("## Opening the app", 1)[1].split("\n## ", 1)[0].split())
    bundle, entry = load("bundle"), load("entry")
    windows = section.split("**Windows.**", 1)[1].split("**macOS.**", 1)[0]
    gui_exe, command_exe = f"`{bundle.GUI_NAME}.exe`", f"`{bundle.APP_NAME}.exe`"
    assert gui_exe in windows and command_exe in windows
    assert entry.command(rf"C:\x\{bundle.GUI_NAME}.exe", []) == ["gui"]   # "is the app"
    assert entry.twin_instead(rf"C:\x\{bundle.APP_NAME}.exe", [], True)   # "opens the app too"
    packaging_readme = (ROOT / "packaging" / "README.md").read_text("utf-8")
    folder = r"%LOCALAPPDATA%\Programs\footage-agent"
    assert f"`{folder}`" in windows and folder in packaging_readme
    assert f'cd /d "{folder}"' in section
    launcher = configparser.ConfigParser(interpolation=None)
    launcher.read(ROOT / "packaging" / "linux" / "org.footageagent.FootageAgent.desktop")
    name = launcher["Desktop Entry"]["Name"]
    spec = (ROOT / "packaging" / "footage-agent.spec").read_text("utf-8")
    assert f'BUNDLE(coll, name="{name}.app"' in spec
    assert f"**{name}**" in packaging_readme   # the Start menu's shortcut an installer makes
    for system in ("Windows", "macOS", "Linux"):
        assert f"*{name}*" in section.split(f"**{system}.**", 1)[1].split("\n", 1)[0]
    assert f"`{launcher['Desktop Entry']['Exec']}`" in section.split("**Linux.**", 1)[1]
    agent = (ROOT / "packaging" / "macos" / "org.footageagent.FootageAgent.plist").read_bytes()
    inside = plistlib.loads(agent)["ProgramArguments"][0]
    assert f"""alias footage-agent='"{inside}"'""" in section
    assert entry.command(inside, []) == ["gui"]      # opened from Finder: the app


def test_the_guides_agency_step_names_its_button_and_what_to_do_when_fingerprints_differ():
    """Guide hunt: step 3 said "Import the agency file", where the step's one button reads
    "Choose the agency file…", and asked the owner to compare the key fingerprints the app
    shows, without saying that the agency is trusted already by then, nor what to do when they
    differ. It names the button, and the way to take the trust back (Settings' Remove agency,
    an app text too), with a call to the program."""
    ts = (ROOT / "gui" / "i18n" / "footage_es.ts").read_text("utf-8")
    step = ts.split("<name>AgencyStep</name>", 1)[1].split("</context>", 1)[0]
    buttons = [html.unescape(s) for s in re.findall(r"<source>(.*?…)</source>", step)]
    third = " ".join(GUIDE.split("3. **Agency.**", 1)[1].split("\n4. ", 1)[0].split())
    assert buttons and all(f"**{b}**" in third for b in buttons), buttons
    assert "adds the agency at once" in third
    assert "If they differ" in third and "**Remove agency**" in third
    assert shown("Remove agency", app_words())
