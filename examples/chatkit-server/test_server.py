"""Unit checks of the server's `set_reminder` tool: the arguments each phrase gives and
pydantic's own verdict on them, which the page's JSON Schema validator must share
(tests/e2e/example.test.mjs checks the page's side with the same phrases).

Run: `.venv/bin/python -m unittest -v test_server` (tests/e2e/chatkit-server.test.mjs does).
"""

import unittest

from pydantic import ValidationError

import server


def verdict(arguments):
    """None when pydantic accepts the arguments, else (location, error type) of the first error."""
    try:
        server.SetReminder.model_validate(arguments)
        return None
    except ValidationError as err:
        first = err.errors()[0]
        return first["loc"], first["type"]


class ReminderArguments(unittest.TestCase):
    def test_every_part_of_the_phrase(self):
        args = server.reminder_arguments("water the plants at 2030-05-01T09:00:00Z !high #home #garden every week")
        self.assertEqual(
            args,
            {
                "text": "water the plants",
                "when": "2030-05-01T09:00:00Z",
                "priority": "high",
                "tags": ["home", "garden"],
                "repeat": {"every": "week"},
            },
        )
        self.assertIsNone(verdict(args))

    def test_plain_text_only(self):
        args = server.reminder_arguments("  call   mom  ")
        self.assertEqual(args, {"text": "call mom"})
        self.assertIsNone(verdict(args))
        # pydantic fills the defaults the page's handler applies itself.
        self.assertEqual(server.SetReminder.model_validate(args).priority, "normal")

    def test_repeat_times(self):
        args = server.reminder_arguments("stretch every day 10 times")
        self.assertEqual(args, {"text": "stretch", "repeat": {"every": "day", "times": 10}})
        self.assertIsNone(verdict(args))

    def test_refused_arguments_go_out_unvalidated(self):
        six = server.reminder_arguments("pack for the trip #a #b #c #d #e #f")
        self.assertEqual(six["tags"], ["a", "b", "c", "d", "e", "f"])
        self.assertEqual(verdict(six), (("tags",), "too_long"))
        empty = server.reminder_arguments("#a")
        self.assertEqual(empty, {"text": "", "tags": ["a"]})
        self.assertEqual(verdict(empty), (("text",), "string_too_short"))
        self.assertEqual(verdict(server.reminder_arguments("x !urgent")), (("priority",), "literal_error"))
        self.assertEqual(verdict(server.reminder_arguments("x at 2030-13-45"))[0], ("when",))


class Declarations(unittest.TestCase):
    def test_served_schema_is_pydantics(self):
        (decl,) = server.client_tool_declarations()
        self.assertEqual(decl["type"], "function")
        self.assertEqual(decl["name"], "set_reminder")
        schema = decl["parameters"]
        self.assertEqual(schema, server.SetReminder.model_json_schema())
        self.assertEqual(schema["required"], ["text"])
        self.assertIs(schema["additionalProperties"], False)
        self.assertEqual(schema["properties"]["tags"]["maxItems"], 5)
        self.assertEqual(schema["properties"]["when"]["anyOf"], [{"format": "date-time", "type": "string"}, {"type": "null"}])
        self.assertEqual(schema["properties"]["repeat"]["anyOf"][0], {"$ref": "#/$defs/Repeat"})
        self.assertIn("Repeat", schema["$defs"])


if __name__ == "__main__":
    unittest.main()
