"""A ChatKit server (chatkit-python) for the example app's custom-backend page.

Every request must carry the app's JWT (Better Auth's jwt plugin) as
`Authorization: Bearer <jwt>`; it is verified against the app's JWKS (signature, iss,
aud, exp) before ChatKit sees the request, and the token and its claims go into the
request context. Requests without a valid token get 401.

The default `respond()` needs no model, so the example runs offline:
- "open link <url>" emits a client tool call `open_link` with `{"url": <url>}`;
- "add note <text>" emits a client tool call `add_note` with `{"text": <text>}`;
- "remind <text>" emits a client tool call `set_reminder` whose parameters this server
  declares with a pydantic model (`SetReminder`): `#tag` words become `tags`, `!low`,
  `!normal` or `!high` the `priority`, "at <RFC 3339 date-time>" `when` and
  "every day|week|month [<n> times]" `repeat`, the rest is `text`. The arguments go out as
  the phrase gives them, unvalidated, as a model's do: "remind pack #a #b #c #d #e #f"
  (six tags) breaks the schema, and the page refuses the call with `invalid_params`;
- anything else is echoed back.
`GET /client-tools` serves the client tools this server declares, with the JSON Schema
pydantic writes for them (`model_json_schema()`); the app's custom-backend page registers
them with that schema, so the page validates exactly what the model was told.
After the client posts `threads.add_client_tool_output`, it replies with the tool's
result.

Configuration (environment):
  CHATKIT_JWKS_URL      the app's JWKS, e.g. http://127.0.0.1:3000/api/auth/jwks (required)
  CHATKIT_JWT_ISSUER    expected `iss` (required; Better Auth uses its base URL)
  CHATKIT_JWT_AUDIENCE  expected `aud` (default: the issuer, as Better Auth does)
  HOST, PORT            where to listen (default 127.0.0.1:8000)

Run: `.venv/bin/python server.py` (scripts/setup creates .venv from requirements.txt).

Never log the token: logs name the user (`sub`) and a short SHA-256 fingerprint of the
token, so a test can check which token the server saw without the token itself
appearing anywhere.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Optional

import jwt
import uvicorn
from chatkit.server import ChatKitServer, StreamingResult
from chatkit.store import NotFoundError, Store
from chatkit.types import (
    AssistantMessageContent,
    AssistantMessageItem,
    Attachment,
    ClientToolCallItem,
    Page,
    ThreadItem,
    ThreadItemDoneEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
)
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

log = logging.getLogger("chatkit-example")

# Algorithms Better Auth's jwt plugin can sign with (EdDSA is its default).
ALGORITHMS = ["EdDSA", "ES256", "ES512", "RS256", "PS256"]


@dataclass
class RequestContext:
    """What each ChatKit call gets: the verified user and the bearer token."""

    user_id: str
    token: str = field(repr=False)  # never printed (repr excludes it)
    claims: dict[str, Any] = field(repr=False, default_factory=dict)


def fingerprint(token: str) -> str:
    """A short, one-way fingerprint of a token, safe to log."""
    return hashlib.sha256(token.encode()).hexdigest()[:12]


class MemoryStore(Store[RequestContext]):
    """Threads and items in memory, kept apart per user."""

    def __init__(self) -> None:
        self.threads: dict[str, dict[str, ThreadMetadata]] = {}
        self.items: dict[str, dict[str, list[ThreadItem]]] = {}

    def _threads(self, ctx: RequestContext) -> dict[str, ThreadMetadata]:
        return self.threads.setdefault(ctx.user_id, {})

    def _items(self, thread_id: str, ctx: RequestContext) -> list[ThreadItem]:
        if thread_id not in self._threads(ctx):
            raise NotFoundError(f"thread {thread_id} not found")
        return self.items.setdefault(ctx.user_id, {}).setdefault(thread_id, [])

    async def load_thread(self, thread_id: str, context: RequestContext) -> ThreadMetadata:
        thread = self._threads(context).get(thread_id)
        if thread is None:
            raise NotFoundError(f"thread {thread_id} not found")
        return thread.model_copy(deep=True)

    async def save_thread(self, thread: ThreadMetadata, context: RequestContext) -> None:
        self._threads(context)[thread.id] = ThreadMetadata(
            **thread.model_dump(exclude={"items"})
        )

    async def load_thread_items(
        self, thread_id: str, after: str | None, limit: int, order: str, context: RequestContext
    ) -> Page[ThreadItem]:
        items = list(self._items(thread_id, context))
        if order == "desc":
            items.reverse()
        start = 0
        if after is not None:
            ids = [item.id for item in items]
            start = ids.index(after) + 1 if after in ids else len(items)
        page = items[start : start + limit]
        has_more = start + limit < len(items)
        return Page(data=page, has_more=has_more, after=page[-1].id if page and has_more else None)

    async def load_threads(
        self, limit: int, after: str | None, order: str, context: RequestContext
    ) -> Page[ThreadMetadata]:
        threads = sorted(
            self._threads(context).values(), key=lambda t: t.created_at, reverse=order == "desc"
        )
        start = 0
        if after is not None:
            ids = [t.id for t in threads]
            start = ids.index(after) + 1 if after in ids else len(threads)
        page = threads[start : start + limit]
        has_more = start + limit < len(threads)
        return Page(data=page, has_more=has_more, after=page[-1].id if page and has_more else None)

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: RequestContext) -> None:
        self._items(thread_id, context).append(item)

    async def save_item(self, thread_id: str, item: ThreadItem, context: RequestContext) -> None:
        items = self._items(thread_id, context)
        for i, existing in enumerate(items):
            if existing.id == item.id:
                items[i] = item
                return
        items.append(item)

    async def load_item(self, thread_id: str, item_id: str, context: RequestContext) -> ThreadItem:
        for item in self._items(thread_id, context):
            if item.id == item_id:
                return item
        raise NotFoundError(f"item {item_id} not found")

    async def delete_thread(self, thread_id: str, context: RequestContext) -> None:
        self._threads(context).pop(thread_id, None)
        self.items.get(context.user_id, {}).pop(thread_id, None)

    async def delete_thread_item(self, thread_id: str, item_id: str, context: RequestContext) -> None:
        items = self._items(thread_id, context)
        items[:] = [item for item in items if item.id != item_id]

    # No attachments in this example (ChatKit's upload is off for the custom backend).
    async def save_attachment(self, attachment: Attachment, context: RequestContext) -> None:
        raise NotImplementedError("attachments are not supported by this example")

    async def load_attachment(self, attachment_id: str, context: RequestContext) -> Attachment:
        raise NotFoundError(f"attachment {attachment_id} not found")

    async def delete_attachment(self, attachment_id: str, context: RequestContext) -> None:
        return None


class Repeat(BaseModel):
    """How often the reminder comes back."""

    model_config = ConfigDict(extra="forbid")

    every: Literal["day", "week", "month"]
    times: Optional[int] = Field(default=None, ge=2, le=100, description="How many times in all; none: until removed.")


class SetReminder(BaseModel):
    """Sets a reminder for the user; the page lists it in its panel."""

    # additionalProperties: false, so a misspelt key is refused rather than ignored.
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=200, description="What to remind the user of.")
    when: Optional[datetime] = Field(default=None, description="When, as an RFC 3339 date-time; none: no set time.")
    priority: Literal["low", "normal", "high"] = "normal"
    tags: list[str] = Field(default_factory=list, max_length=5, description="At most five short labels.")
    # A nested model: pydantic writes it into $defs and refers to it with $ref.
    repeat: Optional[Repeat] = None


# The client tools this server declares, by name: the parameters it would give the model
# (as function tools) and serves to the page at GET /client-tools. The page runs the
# handler; the schema lives here only.
CLIENT_TOOLS: dict[str, type[BaseModel]] = {"set_reminder": SetReminder}


def client_tool_declarations() -> list[dict[str, Any]]:
    """The client tools as OpenAI function tools: name, description and JSON Schema."""
    return [
        {
            "type": "function",
            "name": name,
            "description": (model.__doc__ or "").strip(),
            "parameters": model.model_json_schema(),
        }
        for name, model in CLIENT_TOOLS.items()
    ]


OPEN_LINK = re.compile(r"\bopen link\s+(\S+)", re.IGNORECASE)
ADD_NOTE = re.compile(r"\badd note\s+(.+)", re.IGNORECASE | re.DOTALL)
REMIND = re.compile(r"\bremind\s+(.*)", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"(?:^|\s)#(\S+)")
PRIORITY = re.compile(r"(?:^|\s)!(\w+)")
WHEN = re.compile(r"(?:^|\s)at\s+(\d{4}-\S+)", re.IGNORECASE)
EVERY = re.compile(r"(?:^|\s)every\s+(\w+)(?:\s+(\d+)\s+times)?", re.IGNORECASE)


def reminder_arguments(rest: str) -> dict[str, Any]:
    """`set_reminder`'s arguments from the words after "remind", as a model might write them.

    Deliberately not validated with `SetReminder`: a model's arguments can break the
    schema it was given, and the page's validator is what refuses them.
    """
    args: dict[str, Any] = {}
    if m := WHEN.search(rest):
        args["when"] = m.group(1)
        rest = rest[: m.start()] + rest[m.end() :]
    if m := EVERY.search(rest):
        args["repeat"] = {"every": m.group(1).lower()}
        if m.group(2):
            args["repeat"]["times"] = int(m.group(2))
        rest = rest[: m.start()] + rest[m.end() :]
    if m := PRIORITY.search(rest):
        args["priority"] = m.group(1).lower()
        rest = rest[: m.start()] + rest[m.end() :]
    tags = TAG.findall(rest)
    if tags:
        args["tags"] = tags
        rest = TAG.sub(" ", rest)
    return {"text": " ".join(rest.split()), **args}


def user_text(message: UserMessageItem) -> str:
    return " ".join(part.text for part in message.content if getattr(part, "type", "") == "input_text").strip()


class ExampleServer(ChatKitServer[RequestContext]):
    def _assistant(self, thread: ThreadMetadata, context: RequestContext, text: str) -> ThreadItemDoneEvent:
        return ThreadItemDoneEvent(
            item=AssistantMessageItem(
                id=self.store.generate_item_id("message", thread, context),
                thread_id=thread.id,
                created_at=datetime.now(),
                content=[AssistantMessageContent(text=text)],
            )
        )

    def _tool_call(
        self, thread: ThreadMetadata, context: RequestContext, name: str, arguments: dict[str, Any]
    ) -> ThreadItemDoneEvent:
        item_id = self.store.generate_item_id("tool_call", thread, context)
        return ThreadItemDoneEvent(
            item=ClientToolCallItem(
                id=item_id,
                thread_id=thread.id,
                created_at=datetime.now(),
                call_id=f"call_{item_id}",
                name=name,
                arguments=arguments,
            )
        )

    async def respond(
        self, thread: ThreadMetadata, input_user_message: UserMessageItem | None, context: RequestContext
    ) -> AsyncIterator[ThreadStreamEvent]:
        if input_user_message is None:
            # Called after threads.add_client_tool_output: answer with the tool's result.
            items = await self.store.load_thread_items(thread.id, None, 20, "desc", context)
            call = next(
                (i for i in items.data if isinstance(i, ClientToolCallItem) and i.status == "completed"),
                None,
            )
            if call is None:
                yield self._assistant(thread, context, "There is no tool result to report.")
                return
            log.info("tool output received: thread=%s tool=%s user=%s", thread.id, call.name, context.user_id)
            result = json.dumps(call.output, sort_keys=True, separators=(",", ":"))
            yield self._assistant(thread, context, f"Tool {call.name} returned {result}")
            return

        text = user_text(input_user_message)
        if m := OPEN_LINK.search(text):
            # The client tool call must be the last item of the response: ChatKit then
            # runs onClientTool and posts threads.add_client_tool_output.
            yield self._tool_call(thread, context, "open_link", {"url": m.group(1)})
            return
        if m := ADD_NOTE.search(text):
            yield self._tool_call(thread, context, "add_note", {"text": m.group(1).strip()})
            return
        if m := REMIND.search(text):
            yield self._tool_call(thread, context, "set_reminder", reminder_arguments(m.group(1)))
            return
        yield self._assistant(thread, context, f"You said: {text}")


class TokenVerifier:
    """Verifies the app's JWTs against its JWKS (keys cached, refetched on an unknown kid)."""

    def __init__(self, jwks_url: str, issuer: str, audience: str) -> None:
        self.issuer = issuer
        self.audience = audience
        self.jwks = jwt.PyJWKClient(jwks_url, cache_keys=True, lifespan=300, timeout=10)

    def verify(self, token: str) -> dict[str, Any]:
        key = self.jwks.get_signing_key_from_jwt(token)
        return jwt.decode(
            token,
            key=key.key,
            algorithms=ALGORITHMS,
            issuer=self.issuer,
            audience=self.audience,
            options={"require": ["exp", "iss", "aud", "sub"]},
        )


def bearer_token(request: Request) -> str | None:
    value = request.headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def unauthorized(reason: str) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": "unauthorized", "message": reason}},
        status_code=401,
        headers={"WWW-Authenticate": 'Bearer realm="chatkit"'},
    )


def create_app(verifier: TokenVerifier) -> FastAPI:
    app = FastAPI(title="chatkit-glue example ChatKit server")
    server = ExampleServer(store=MemoryStore())

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    # Why the page gets the schema from here, at run time, rather than a copy in the app:
    # this server declares the tool to the model, so its pydantic model is the one source
    # of truth. Served, the page validates exactly what the model was told, even when the
    # two are deployed apart (a field added here needs no app release). No token needed:
    # it describes parameters the model sees anyway, no user data. The app's custom page
    # reads it on the server side (Next's server component), so the browser never talks to
    # this server directly.
    @app.get("/client-tools")
    async def client_tools() -> dict[str, Any]:
        return {"tools": client_tool_declarations()}

    @app.post("/chatkit")
    async def chatkit(request: Request) -> Response:
        token = bearer_token(request)
        if token is None:
            log.info("refused: no bearer token")
            return unauthorized("a bearer token is required")
        try:
            # PyJWKClient fetches with urllib (blocking): keep it off the event loop.
            claims = await asyncio.to_thread(verifier.verify, token)
        except (jwt.PyJWTError, jwt.PyJWKClientError) as err:
            # The exception names what failed (expired, bad signature, unknown key, wrong
            # audience...), never the token.
            log.info("refused: invalid token (%s) token_sha256=%s", type(err).__name__, fingerprint(token))
            return unauthorized("the bearer token is not valid")
        context = RequestContext(user_id=str(claims["sub"]), token=token, claims=claims)
        body = await request.body()
        try:
            op = json.loads(body).get("type", "?")
        except (ValueError, AttributeError):
            op = "?"
        log.info("authorized request: op=%s user=%s token_sha256=%s", op, context.user_id, fingerprint(token))
        result = await server.process(body, context)
        if isinstance(result, StreamingResult):
            return StreamingResponse(result, media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
        return Response(content=result.json, media_type="application/json")

    return app


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="[chatkit-server] %(levelname)s %(name)s: %(message)s")
    jwks_url = os.environ.get("CHATKIT_JWKS_URL")
    issuer = os.environ.get("CHATKIT_JWT_ISSUER")
    if not jwks_url or not issuer:
        raise SystemExit("chatkit-server: set CHATKIT_JWKS_URL and CHATKIT_JWT_ISSUER (see server.py)")
    audience = os.environ.get("CHATKIT_JWT_AUDIENCE") or issuer
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8000"))
    app = create_app(TokenVerifier(jwks_url, issuer, audience))
    log.info("listening on http://%s:%s/chatkit (JWKS %s, iss %s, aud %s)", host, port, jwks_url, issuer, audience)
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=True)


if __name__ == "__main__":
    main()
