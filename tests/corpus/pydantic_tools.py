"""Parameter schemas of twelve realistic client tools, written as pydantic v2 models the
way a ChatKit server declares them, printed as JSON: {"pydantic": version, "tools":
{name: model_json_schema()}}. tests/corpus/generate.mjs runs this with the example
server's virtualenv (examples/chatkit-server/.venv); zod_tools.mjs declares the same
tools, and instances.mjs holds the instances both are checked with.

Only what pydantic emits by itself: Optional fields (anyOf with null), nested models
($ref into $defs), enums, Literal, discriminated unions (oneOf + discriminator),
recursive models, constrained strings and numbers, lists, sets, tuples and dicts.
`pattern`s stay within what both ECMAScript and Rust's regex read alike (no lookaround).
"""

import json
import sys
from datetime import date, datetime, time, timedelta
from enum import Enum
from ipaddress import IPv4Address, IPv6Address
from typing import Annotated, Literal, Optional, Union
from uuid import UUID

import pydantic
from pydantic import AnyUrl, BaseModel, ConfigDict, Field, StringConstraints

if int(pydantic.VERSION.split(".")[0]) != 2:
    sys.exit(f"pydantic_tools.py: pydantic 2 expected, found {pydantic.VERSION}")

Email = Annotated[str, Field(json_schema_extra={"format": "email"})]
Hostname = Annotated[str, Field(json_schema_extra={"format": "hostname"})]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=32)]


# 1. create_calendar_event: optional fields, nested models, a set, date-times.
class Rsvp(str, Enum):
    yes = "yes"
    no = "no"
    maybe = "maybe"


class Attendee(BaseModel):
    email: Email
    name: Optional[str] = None
    rsvp: Rsvp = Rsvp.maybe


class CreateCalendarEvent(BaseModel):
    title: Annotated[str, Field(min_length=1, max_length=200)]
    start: datetime
    end: Optional[datetime] = None
    all_day: bool = False
    attendees: list[Attendee] = []
    location: Optional[str] = None
    reminders_minutes: Annotated[set[Annotated[int, Field(ge=0, le=10080)]], Field(max_length=5)] = set()


# 2. search_products: nested optional model, Literal with a default, bounded ints.
class Category(str, Enum):
    books = "books"
    electronics = "electronics"
    garden = "garden"


class PriceRange(BaseModel):
    min: Annotated[float, Field(ge=0)] = 0
    max: Optional[Annotated[float, Field(gt=0)]] = None


class Filters(BaseModel):
    category: Optional[Category] = None
    price: Optional[PriceRange] = None
    in_stock: bool = True


class SearchProducts(BaseModel):
    query: Annotated[str, Field(min_length=1, max_length=500)]
    filters: Optional[Filters] = None
    sort: Literal["relevance", "price_asc", "price_desc"] = "relevance"
    page: Annotated[int, Field(ge=1)] = 1
    page_size: Annotated[int, Field(ge=1, le=100)] = 20


# 3. write_file_tree: a recursive model.
class FileNode(BaseModel):
    name: Annotated[str, Field(pattern=r"^[^/]+$", min_length=1)]
    kind: Literal["file", "dir"]
    size: Optional[Annotated[int, Field(ge=0)]] = None
    children: list["FileNode"] = []


class WriteFileTree(BaseModel):
    root: FileNode
    overwrite: bool = False


# 4. send_payment: a discriminated union, money as a multiple of 0.01.
class Card(BaseModel):
    method: Literal["card"]
    last4: Annotated[str, Field(pattern=r"^[0-9]{4}$")]
    exp_month: Annotated[int, Field(ge=1, le=12)]
    exp_year: Annotated[int, Field(ge=2024, le=2100)]


class Bank(BaseModel):
    method: Literal["bank"]
    iban: Annotated[str, Field(pattern=r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")]


class Wallet(BaseModel):
    method: Literal["wallet"]
    provider: Literal["apple_pay", "google_pay", "paypal"]


class SendPayment(BaseModel):
    amount: Annotated[float, Field(gt=0, le=1_000_000, multiple_of=0.01)]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    source: Annotated[Union[Card, Bank, Wallet], Field(discriminator="method")]
    memo: Optional[Annotated[str, Field(max_length=140)]] = None


# 5. update_ticket: uuid, slugs with a pattern, extra="forbid".
class Status(str, Enum):
    open = "open"
    pending = "pending"
    solved = "solved"
    closed = "closed"


class UpdateTicket(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ticket_id: UUID
    status: Optional[Status] = None
    priority: Optional[Annotated[int, Field(ge=1, le=5)]] = None
    labels: Annotated[list[Slug], Field(max_length=10)] = []
    assignee: Optional[Email] = None
    comment: Optional[Annotated[str, Field(min_length=1)]] = None


# 6. configure_webhook: uri, dicts, durations.
class RetryPolicy(BaseModel):
    max_attempts: Annotated[int, Field(ge=1, le=10)] = 3
    backoff: Literal["fixed", "exponential"] = "exponential"
    initial_delay: timedelta = timedelta(seconds=1)


class ConfigureWebhook(BaseModel):
    url: AnyUrl
    events: Annotated[list[Literal["message.created", "message.deleted", "thread.closed"]], Field(min_length=1)]
    headers: dict[str, str] = {}
    secret: Optional[Annotated[str, Field(min_length=16)]] = None
    retry: RetryPolicy = RetryPolicy()


# 7. book_flight: a plain union (anyOf) of two trip shapes, dates, a tuple.
class Passenger(BaseModel):
    first_name: Annotated[str, Field(min_length=1)]
    last_name: Annotated[str, Field(min_length=1)]
    birth_date: date
    seat: Optional[Annotated[str, Field(pattern=r"^[0-9]{1,2}[A-K]$")]] = None


class OneWay(BaseModel):
    model_config = ConfigDict(extra="forbid")
    depart: date


class RoundTrip(BaseModel):
    model_config = ConfigDict(extra="forbid")
    depart: date
    return_: date = Field(alias="return")


class BookFlight(BaseModel):
    route: tuple[
        Annotated[str, Field(pattern=r"^[A-Z]{3}$")],
        Annotated[str, Field(pattern=r"^[A-Z]{3}$")],
    ]
    trip: Union[RoundTrip, OneWay]
    passengers: Annotated[list[Passenger], Field(min_length=1, max_length=9)]
    cabin: Literal["economy", "premium", "business", "first"] = "economy"


# 8. evaluate_expression: a recursive discriminated union.
class Num(BaseModel):
    op: Literal["num"]
    value: float


class Neg(BaseModel):
    op: Literal["neg"]
    arg: "Expr"


class BinOp(BaseModel):
    op: Literal["add", "mul"]
    left: "Expr"
    right: "Expr"


Expr = Annotated[Union[Num, Neg, BinOp], Field(discriminator="op")]


class EvaluateExpression(BaseModel):
    expr: Expr
    precision: Annotated[int, Field(ge=0, le=15)] = 6


# 9. set_thermostat: bounded floats, a dict with constrained keys (propertyNames), times.
class Slot(BaseModel):
    at: time
    target: Annotated[float, Field(ge=5, le=30)]


class SetThermostat(BaseModel):
    room: Annotated[str, Field(min_length=1, max_length=40)]
    mode: Literal["heat", "cool", "auto", "off"]
    target: Optional[Annotated[float, Field(ge=5, le=30)]] = None
    schedule: dict[
        Annotated[str, StringConstraints(pattern=r"^(mon|tue|wed|thu|fri|sat|sun)$")],
        Annotated[list[Slot], Field(max_length=6)],
    ] = {}


# 10. add_firewall_rule: ip addresses, hostnames, port lists.
class AddFirewallRule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: Union[IPv4Address, IPv6Address]
    destination_host: Hostname
    ports: Annotated[list[Annotated[int, Field(ge=1, le=65535)]], Field(min_length=1, max_length=16)]
    protocol: Literal["tcp", "udp", "icmp"] = "tcp"
    action: Literal["allow", "deny"]
    expires: Optional[datetime] = None


# 11. submit_form: a list of a discriminated union, Literal[True], a nested optional model.
class TextAnswer(BaseModel):
    type: Literal["text"]
    question_id: Slug
    text: Annotated[str, Field(max_length=2000)]


class ChoiceAnswer(BaseModel):
    type: Literal["choice"]
    question_id: Slug
    choices: Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)]


class ScaleAnswer(BaseModel):
    type: Literal["scale"]
    question_id: Slug
    value: Annotated[int, Field(ge=1, le=10)]


class Contact(BaseModel):
    name: str
    email: Email


class SubmitForm(BaseModel):
    form_id: UUID
    answers: list[Annotated[Union[TextAnswer, ChoiceAnswer, ScaleAnswer], Field(discriminator="type")]]
    contact: Optional[Contact] = None
    consent: Literal[True]


# 12. translate_document: extra="forbid", language tags, an optional dict, an enum.
class Tone(str, Enum):
    neutral = "neutral"
    formal = "formal"
    casual = "casual"


Lang = Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")]


class TranslateDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: Annotated[str, Field(min_length=1, max_length=10000)]
    source_lang: Optional[Lang] = None
    target_langs: Annotated[list[Lang], Field(min_length=1, max_length=5)]
    glossary: Optional[dict[str, str]] = None
    tone: Tone = Tone.neutral


TOOLS = {
    "create_calendar_event": CreateCalendarEvent,
    "search_products": SearchProducts,
    "write_file_tree": WriteFileTree,
    "send_payment": SendPayment,
    "update_ticket": UpdateTicket,
    "configure_webhook": ConfigureWebhook,
    "book_flight": BookFlight,
    "evaluate_expression": EvaluateExpression,
    "set_thermostat": SetThermostat,
    "add_firewall_rule": AddFirewallRule,
    "submit_form": SubmitForm,
    "translate_document": TranslateDocument,
}

json.dump(
    {
        "pydantic": pydantic.VERSION,
        "tools": {name: model.model_json_schema() for name, model in TOOLS.items()},
    },
    sys.stdout,
)
