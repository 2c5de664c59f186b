"""The language server: findings while the officer types (``cablelint server``).

A Language Server Protocol server over standard input and output, built on pygls (the
``lsp`` extra: ``pip install 'cablelint[lsp]'``). For each cable the editor opens, changes or
saves it publishes the findings ``cablelint check`` would report for that file: the nearest
configuration to the file's path, its per-file ignores, the ``draft`` profile by default.
Changes are linted once the officer pauses typing for ``DEBOUNCE_SECONDS`` (the editor may
set ``initializationOptions: {"debounce": seconds}``); opening and saving lint at once. Code
actions offer each finding's fix (unsafe ones marked so, never preferred) and "Fix all safe
problems"; hovering a finding shows its rule's documentation.

The server runs on the officer's own machine and talks only to the editor, which holds the
whole text anyway: findings are *not* redacted here (``cablelint.redaction`` is for logs and
reports).

Positions: cablelint counts 1-based lines and columns in characters, lines ending at ``\\n``;
LSP counts 0-based lines and columns in the code units of the negotiated position encoding
(UTF-16 unless the client offers UTF-32 or UTF-8). :class:`Positions` converts. Documents are
synchronised whole (not incrementally), so the server's text never drifts from the editor's
over line-break characters the two might count differently (form feeds in old traffic).
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from dataclasses import dataclass

try:
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer
except ImportError:  # the lsp extra is not installed; serve() says so
    types = LanguageServer = None

DEBOUNCE_SECONDS = 0.2
SOURCE = "cablelint"
FIX_ALL_KIND = "source.fixAll.cablelint"
FIX_ALL_TITLE = "Fix all safe problems"
MISSING_EXTRA = "cablelint server needs the lsp extra: pip install 'cablelint[lsp]'"
CONFIG_NAMES = (".cablelint.toml", "pyproject.toml")


def serve() -> int:
    """``cablelint server``: run the language server over stdio until the editor exits it."""
    if LanguageServer is None:
        print(MISSING_EXTRA, file=sys.stderr)
        return 2
    build_server().start_io()
    return 0


# ---------------------------------------------------------------- settings, as the CLI has them

def settings_for(path: str | None):
    """The settings ``cablelint check PATH`` would use for a cable at ``path`` (nearest
    configuration, per-file ignores applied); the defaults for a document with no file path.
    Read afresh each time, so an edited configuration applies at the next change."""
    from .configfile import Configurations

    if path is None:
        return None
    return Configurations().settings_for(path)


# ---------------------------------------------------------------- positions

class Positions:
    """Converts cablelint places in one text (1-based line and character column, or a
    character offset) to LSP positions in the client's code units."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        lines = text.split("\n")
        self.starts = [0]
        for line in lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        # a CRLF line's CR is its line end for the editor: a place on it is the line's end
        self.lines = [line[:-1] if line.endswith("\r") else line for line in lines]
        self.encoding = encoding

    def units(self, fragment: str) -> int:
        """The length of ``fragment`` in the client's code units."""
        if self.encoding == "utf-32":
            return len(fragment)
        if self.encoding == "utf-8":
            return len(fragment.encode("utf-8", "surrogatepass"))
        return len(fragment) + sum(1 for char in fragment if char > "\uffff")

    def position(self, line: int, column: int):
        """The LSP position of a 1-based line and character column (clamped to the text)."""
        if line > len(self.lines):
            line, column = len(self.lines), len(self.lines[-1]) + 1
        index = max(line, 1) - 1
        return types.Position(line=index,
                              character=self.units(self.lines[index][:max(column, 1) - 1]))

    def at(self, offset: int):
        """The LSP position of a character offset into the text."""
        index = bisect_right(self.starts, offset) - 1
        return self.position(index + 1, offset - self.starts[index] + 1)

    def range(self, span):
        return types.Range(start=self.position(span.line, span.column),
                           end=self.position(span.end_line, span.end_column))


# ---------------------------------------------------------------- findings as LSP objects

def severity_of(severity):
    from .diagnostics import Severity

    return {Severity.ERROR: types.DiagnosticSeverity.Error,
            Severity.WARNING: types.DiagnosticSeverity.Warning,
            Severity.INFO: types.DiagnosticSeverity.Information}[severity]


def lsp_diagnostic(diagnostic, positions: Positions):
    """A cablelint finding as an LSP diagnostic: its range, severity, rule code and name."""
    return types.Diagnostic(range=positions.range(diagnostic.span),
                            message=diagnostic.message,
                            severity=severity_of(diagnostic.severity),
                            code=diagnostic.code, source=SOURCE,
                            data={"name": diagnostic.name})


def configuration_problem(error):
    """A broken configuration, shown where the editor shows findings (the CLI exits 2)."""
    start = types.Position(line=0, character=0)
    return types.Diagnostic(range=types.Range(start=start, end=start),
                            message=f"configuration: {error}",
                            severity=types.DiagnosticSeverity.Error, source=SOURCE)


def text_edits(edits, text: str, positions: Positions) -> list:
    """A fix's edits (character offsets into ``text``) as LSP text edits; a line break in a
    replacement takes the text's line ending, as ``--fix`` writes it."""
    from .fixes import line_ending

    newline = line_ending(text)
    return [types.TextEdit(range=types.Range(start=positions.at(edit.start),
                                             end=positions.at(edit.end)),
                           new_text=edit.replacement.replace("\n", newline)
                           if newline != "\n" else edit.replacement)
            for edit in sorted(edits, key=lambda e: (e.start, e.end))]


def quick_fix(uri: str, diagnostic, text: str, positions: Positions):
    """The code action that applies one finding's fix, or None when it has none."""
    fix = diagnostic.fix.resolve() if diagnostic.fix is not None else None
    if fix is None or not fix.edits:
        return None
    title = f"Fix {diagnostic.code}: {fix.description or diagnostic.message}"
    if not fix.safe:
        title = f"(unsafe) {title}"
    return types.CodeAction(
        title=title, kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diagnostic(diagnostic, positions)], is_preferred=fix.safe,
        edit=types.WorkspaceEdit(changes={uri: text_edits(fix.edits, text, positions)}))


def whole_text_edit(uri: str, before: str, after: str, positions: Positions):
    """A workspace edit that replaces the whole of ``before`` with ``after``."""
    replace = types.TextEdit(range=types.Range(start=positions.at(0),
                                               end=positions.at(len(before))),
                             new_text=after)
    return types.WorkspaceEdit(changes={uri: [replace]})


def hover_markdown(codes) -> str:
    """The documentation of the rules with these codes, as markdown (docs/rules.md's
    sections), separated by rules."""
    from .reference import rule_markdown
    from .rules import registry

    rules = [registry().get(code) for code in dict.fromkeys(codes)]
    return "\n\n---\n\n".join("\n".join(rule_markdown(rule)).strip()
                              for rule in rules if rule is not None)


def overlaps(a, b) -> bool:
    """Whether two LSP ranges share a place (touching counts, so a cursor at a finding's
    end or on an empty finding still finds it)."""
    def key(position):
        return position.line, position.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def wanted(only, kind: str) -> bool:
    """Whether a code action of ``kind`` answers a request limited to the kinds ``only``."""
    return not only or any(kind == base or kind.startswith(f"{base}.") for base in only)


# ---------------------------------------------------------------- the documents

@dataclass
class Linted:
    """One document as last linted: its text, path and settings, and the findings."""

    text: str
    path: str | None
    settings: object
    diagnostics: list
    positions: Positions


class Cables:
    """The open cables: lints them, publishes their findings, answers for them."""

    def __init__(self, server):
        self.server = server
        self.opened: set[str] = set()  # the URIs as the editor spells them
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, object] = {}
        self.debounce = DEBOUNCE_SECONDS

    def configure(self, options) -> None:
        """The editor's ``initializationOptions``: ``{"debounce": seconds}``."""
        debounce = (options or {}).get("debounce") if isinstance(options, dict) else None
        if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) \
                and debounce >= 0:
            self.debounce = float(debounce)

    def open(self, uri: str) -> None:
        self.opened.add(uri)
        self.lint(uri)

    def _encoding(self) -> str:
        encoding = self.server.workspace.position_encoding
        return str(getattr(encoding, "value", encoding) or "utf-16")

    def lint(self, uri: str) -> Linted | None:
        """Lint the document's current text and publish its findings."""
        from .config import UsageError
        from .engine import lint_text

        self.cancel(uri)
        document = self.server.workspace.get_text_document(uri)
        text = document.source
        path = document.path if uri.startswith("file:") else None
        positions = Positions(text, self._encoding())
        try:
            settings = settings_for(path)
        except UsageError as error:
            self.linted.pop(uri, None)
            self.publish(uri, [configuration_problem(error)], document.version)
            return None
        diagnostics = lint_text(text, path=path or uri, config=settings)
        linted = self.linted[uri] = Linted(text, path, settings, diagnostics, positions)
        self.publish(uri, [lsp_diagnostic(d, positions) for d in diagnostics],
                     document.version)
        return linted

    def publish(self, uri: str, diagnostics: list, version=None) -> None:
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def lint_later(self, uri: str) -> None:
        """Lint once no change has come for ``self.debounce`` seconds."""
        import asyncio

        self.cancel(uri)
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(self.debounce, self.lint, uri)

    def cancel(self, uri: str) -> None:
        timer = self.pending.pop(uri, None)
        if timer is not None:
            timer.cancel()

    def close(self, uri: str) -> None:
        self.opened.discard(uri)
        self.cancel(uri)
        self.linted.pop(uri, None)
        self.publish(uri, [])

    def current(self, uri: str) -> Linted | None:
        """The findings for the document's text as it is now (linted now if a change is
        still waiting for its turn)."""
        linted = self.linted.get(uri)
        document = self.server.workspace.get_text_document(uri)
        if linted is None or linted.text != document.source:
            linted = self.lint(uri)
        return linted

    def code_actions(self, params) -> list:
        """Quick fixes for the findings in the range asked about, and the fix-all action."""
        uri = params.text_document.uri
        linted = self.current(uri)
        if linted is None:
            return []
        only = params.context.only
        actions = []
        if wanted(only, types.CodeActionKind.QuickFix):
            for diagnostic in linted.diagnostics:
                if overlaps(linted.positions.range(diagnostic.span), params.range):
                    action = quick_fix(uri, diagnostic, linted.text, linted.positions)
                    if action is not None:
                        actions.append(action)
        if wanted(only, FIX_ALL_KIND) and any(
                d.fix is not None and d.fix.safe and d.fix.edits for d in linted.diagnostics):
            action = types.CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL_KIND,
                                      data={"uri": uri})
            actions.append(action if self._resolves_later() else self.resolve(action))
        return actions

    def _resolves_later(self) -> bool:
        """Whether the client asks for a code action's edit only when it is chosen."""
        from pygls.capabilities import get_capability

        properties = get_capability(self.server.client_capabilities,
                                    "text_document.code_action.resolve_support.properties",
                                    [])
        return "edit" in properties

    def resolve(self, action):
        """The fix-all action with its edit: the text as ``check --fix`` would leave it."""
        from .fixes import fix_text

        uri = (action.data or {}).get("uri")
        linted = self.current(uri) if uri in self.linted else None
        if action.title != FIX_ALL_TITLE or linted is None:
            return action
        fixed = fix_text(linted.text, path=linted.path or uri, config=linted.settings)
        action.edit = whole_text_edit(uri, linted.text, fixed.text, linted.positions)
        return action

    def hover(self, params):
        """The documentation of the rules whose findings cover the place hovered."""
        uri = params.text_document.uri
        linted = self.current(uri)
        if linted is None:
            return None
        at = types.Range(start=params.position, end=params.position)
        covering = [(linted.positions.range(d.span), d) for d in linted.diagnostics]
        covering = [(place, d) for place, d in covering if overlaps(place, at)]
        if not covering:
            return None
        markdown = hover_markdown(d.code for _, d in covering)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value=markdown),
                           range=covering[0][0])


def watch_configurations(server) -> None:
    """Ask the editor to tell of configuration files changing, where it can."""
    from pygls.capabilities import get_capability

    if not get_capability(server.client_capabilities,
                          "workspace.did_change_watched_files.dynamic_registration", False):
        return
    watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
    server.client_register_capability(types.RegistrationParams(registrations=[
        types.Registration(id="cablelint-configuration",
                           method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                           register_options=types.DidChangeWatchedFilesRegistrationOptions(
                               watchers=watchers))]))


def build_server():
    """The pygls server with cablelint's features registered."""
    from . import __version__

    server = LanguageServer(SOURCE, __version__,
                            text_document_sync_kind=types.TextDocumentSyncKind.Full)
    cables = Cables(server)

    @server.feature(types.INITIALIZE)
    def initialize(ls, params):
        cables.configure(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls, params):
        watch_configurations(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls, params):
        cables.open(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls, params):
        cables.lint_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls, params):
        cables.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls, params):
        cables.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls, params):
        """A configuration file changed outside the editor: lint the open cables again."""
        if any(change.uri.rsplit("/", 1)[-1] in CONFIG_NAMES for change in params.changes):
            for uri in sorted(cables.opened):
                cables.lint(uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(
                        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND],
                        resolve_provider=True))
    def code_action(ls, params):
        return cables.code_actions(params)

    @server.feature(types.CODE_ACTION_RESOLVE)
    def code_action_resolve(ls, action):
        return cables.resolve(action)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls, params):
        return cables.hover(params)

    return server
