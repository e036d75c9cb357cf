//! Diagnostics: ChatKit's common failures explained, and its options checked before
//! ChatKit sees them.
//!
//! - [`keys`]: the option names `useChatKit` accepts (`@openai/chatkit` 1.9,
//!   `@openai/chatkit-react` 1.6).
//! - [`explain`]: one table of explanations for every library error code and the errors
//!   ChatKit itself reports, matched on name and message.
//! - [`options`]: the rules `checkOptions` applies to a tree the binding builds from the
//!   JavaScript options; [`rules`] holds their texts.
//! - [`nearest`], [`secret`], [`url`] and [`text`]: the small text rules they share,
//!   written over bytes to keep the `.wasm` small.
//!
//! Nothing here ever copies a string value of the options into a message: messages are
//! fixed text plus option names, and names that look like secrets are redacted.

pub mod explain;
pub mod keys;
pub mod nearest;
pub mod options;
pub mod rules;
pub mod secret;
pub mod text;
pub mod url;
