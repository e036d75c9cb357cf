//! One `createAuthFetch` as a state machine the facade drives: the facade performs each
//! request (fetch, timers, streams, signals) and asks this what to do at each point, so
//! every rule of the contract is decided here once.
//!
//! A request goes: [`Client::begin`] (does the token go to this URL?) →
//! [`Client::token`] (the app's `token()` answer, checked, made into a header) → the
//! response's status, [`Client::status`] (a 401: join, start or skip the single-flight
//! refresh, or replay) → [`Client::refreshed`] when a refresh ends → [`Client::replay`]
//! (is the body replayable?). Failures become errors here too ([`Client::network`],
//! [`Client::headers_timeout`], [`Client::idle_timeout`]); events are kept only when the
//! app listens ([`Client::take_event`]).

use super::body::BodyKind;
use super::origin::{AllowList, Origin};
use super::policy::{
    self, allowed_origins_required, authorization, bad_option, callback_not_a_token,
    callback_threw, check_token, Callback, FetchPhase, Opt, OPTION_KEYS,
};
use super::refresh::{After401, RefreshGate, Sent};
use crate::core::options::Options;
use crate::core::record::Field;
use crate::core::GlueError;
use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// What a credential callback gave the facade.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credential<'a> {
    /// `null`, `undefined` or `""`: no token.
    None,
    Text(&'a str),
    /// Anything else (a number, an object).
    NotAString,
    /// It threw or rejected (its error becomes `cause`).
    Threw,
}

/// What to do after a response's headers arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterStatus {
    /// Hand the response to the caller (body passed through with the idle deadline).
    Deliver,
    /// Wait for the refresh in flight with this id (the facade holds its one promise).
    Join(u32),
    /// Start refresh `id`: call `refreshToken()` (or `token()` without one) and report
    /// with [`Client::refreshed`].
    Refresh { id: u32, use_refresh_token: bool },
    /// A refresh already replaced the rejected token: replay with it if the body allows.
    Replay(String),
}

/// One `FetchEvent`, built only when `onEvent` is set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchEvent {
    pub phase: FetchPhase,
    /// The request's origin, or `"null"`.
    pub origin: String,
    pub status: Option<u16>,
}

pub struct Client {
    allow: AllowList,
    headers_ms: u32,
    idle_ms: u32,
    has_refresh_token: bool,
    has_fetch: bool,
    on_event: bool,
    gate: RefreshGate<String, u32>,
    flights: u32,
    events: Vec<FetchEvent>,
}

impl Client {
    /// Reads the options (a plain value, see `core::record`). `normalised` holds each
    /// `allowedOrigins` entry as the platform's URL parser serialised it (`""` where it
    /// refused one), in order; `page_origin` is `location.origin` where there is one.
    pub fn new(
        options: Field,
        normalised: &[&str],
        page_origin: Option<&str>,
    ) -> Result<Client, GlueError> {
        if !matches!(options, Field::Object(_)) {
            return Err(bad_option(Opt::Options));
        }
        let o = Options::new(options, "createAuthFetch", &OPTION_KEYS)?;
        if !o.function("token").map_err(|_| bad_option(Opt::Token))? {
            return Err(bad_option(Opt::Token));
        }
        let has_refresh_token = o
            .function("refreshToken")
            .map_err(|_| bad_option(Opt::RefreshToken))?;
        let has_fetch = o.function("fetch").map_err(|_| bad_option(Opt::Fetch))?;
        let on_event = o
            .function("onEvent")
            .map_err(|_| bad_option(Opt::OnEvent))?;
        let headers_ms = policy::deadline(Opt::HeadersTimeout, o.number("headersTimeoutMs"))?;
        let idle_ms = policy::deadline(Opt::IdleTimeout, o.number("idleTimeoutMs"))?;
        let allow = match o.get("allowedOrigins") {
            None => match page_origin.map(Origin::of_entry) {
                Some(Ok(origin)) => AllowList::new(vec![origin])?,
                _ => return Err(allowed_origins_required()),
            },
            Some(Field::Array(entries)) => {
                if entries.len() != normalised.len()
                    || !entries.iter().all(|e| matches!(e, Field::Str(_)))
                {
                    return Err(bad_option(Opt::AllowedOrigins));
                }
                let origins = normalised
                    .iter()
                    .map(|href| Origin::of_entry(href))
                    .collect::<Result<Vec<_>, _>>()?;
                AllowList::new(origins)?
            }
            Some(_) => return Err(bad_option(Opt::AllowedOrigins)),
        };
        Ok(Client {
            allow,
            headers_ms,
            idle_ms,
            has_refresh_token,
            has_fetch,
            on_event,
            gate: RefreshGate::default(),
            flights: 0,
            events: Vec::new(),
        })
    }

    pub fn headers_ms(&self) -> u32 {
        self.headers_ms
    }

    pub fn idle_ms(&self) -> u32 {
        self.idle_ms
    }

    /// Whether the app passed its own `fetch`.
    pub fn has_fetch(&self) -> bool {
        self.has_fetch
    }

    /// The origin of a request (`href` from the platform's parser), and whether the
    /// token goes with it: only to an allowed origin, and never over an Authorization
    /// header the caller set.
    pub fn begin(&self, href: &str, has_authorization: bool) -> (Option<Origin>, bool) {
        let origin = Origin::of_url(href);
        let ours = !has_authorization && origin.as_ref().is_some_and(|o| self.allow.allows(o));
        (origin, ours)
    }

    /// The `token()` answer: `Ok(None)` sends without a token; `Ok(Some)` is the token
    /// to send (a stale one swapped for its replacement) with the header value.
    pub fn token(&self, answer: Credential) -> Result<Option<(Sent<String>, String)>, GlueError> {
        Ok(credential(Callback::Token, answer)?.map(|t| {
            let sent = self.gate.outgoing(t);
            let header = authorization(&sent.token);
            (sent, header)
        }))
    }

    /// The response's status for a request sent with `sent`.
    pub fn status(
        &mut self,
        sent: &Sent<String>,
        status: u16,
        origin: Option<&Origin>,
    ) -> AfterStatus {
        if status != 401 {
            return AfterStatus::Deliver;
        }
        match self.gate.on_unauthorized(sent) {
            After401::GiveUp => AfterStatus::Deliver,
            After401::Join(id) => AfterStatus::Join(id),
            After401::Replay(token) => AfterStatus::Replay(token),
            After401::Start => {
                self.flights = self.flights.wrapping_add(1);
                let id = self.flights;
                self.gate.started(id);
                self.event(FetchPhase::TokenRefresh, origin, Some(401));
                AfterStatus::Refresh {
                    id,
                    use_refresh_token: self.has_refresh_token,
                }
            }
        }
    }

    /// Refresh `rejected` ended with `answer`: the token to replay with (never the
    /// rejected one), `None` to hand back the 401, or `unauthorized` when the callback
    /// failed (every request that joined it gets the same).
    pub fn refreshed(
        &mut self,
        rejected: &str,
        answer: Credential,
    ) -> Result<Option<String>, GlueError> {
        let cb = if self.has_refresh_token {
            Callback::RefreshToken
        } else {
            Callback::Token
        };
        match credential(cb, answer) {
            Ok(token) => Ok(self.gate.finished(&rejected.to_owned(), token)),
            Err(e) => {
                self.gate.failed();
                Err(e)
            }
        }
    }

    /// Whether a request whose body is `body` is sent again with `token`, and the
    /// header value to send it with.
    pub fn replay(
        &mut self,
        body: BodyKind,
        token: &str,
        origin: Option<&Origin>,
    ) -> Option<String> {
        if !body.replayable() {
            return None;
        }
        self.event(FetchPhase::Replay, origin, Some(401));
        Some(authorization(token))
    }

    /// `fetch` rejected: the caller's abort passes through as it is (the facade rethrows
    /// the signal's reason); anything else is `network`.
    pub fn network(&self) -> GlueError {
        policy::network()
    }

    pub fn headers_timeout(&mut self, origin: Option<&Origin>) -> GlueError {
        self.event(FetchPhase::Timeout, origin, None);
        policy::headers_timed_out(self.headers_ms)
    }

    pub fn idle_timeout(&mut self, status: u16, origin: Option<&Origin>) -> GlueError {
        self.event(FetchPhase::Timeout, origin, Some(status));
        policy::idle_timed_out(self.idle_ms, status)
    }

    /// The oldest event not yet handed to `onEvent`.
    pub fn take_event(&mut self) -> Option<FetchEvent> {
        if self.events.is_empty() {
            None
        } else {
            Some(self.events.remove(0))
        }
    }

    fn event(&mut self, phase: FetchPhase, origin: Option<&Origin>, status: Option<u16>) {
        if !self.on_event {
            return;
        }
        self.events.push(FetchEvent {
            phase,
            origin: origin.map_or_else(|| String::from("null"), Origin::serialize),
            status,
        });
    }
}

/// Whether the options text is an object: anything else (`null`, an array) gets the
/// message that names `token`.
/// A credential answer, checked: `None` for no token.
fn credential(cb: Callback, answer: Credential) -> Result<Option<String>, GlueError> {
    match answer {
        Credential::None | Credential::Text("") => Ok(None),
        Credential::Text(t) => {
            check_token(cb, t)?;
            Ok(Some(t.to_owned()))
        }
        Credential::NotAString => Err(callback_not_a_token(cb)),
        Credential::Threw => Err(callback_threw(cb)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::options::from_json;
    use crate::core::ErrorCode;

    /// A client from options written as JSON (a function as [`F`]).
    fn new(text: &str, normalised: &[&str], page: Option<&str>) -> Result<Client, GlueError> {
        Client::new(from_json(text).unwrap_or(Field::Other), normalised, page)
    }

    const F: &str = "\"\\u0000function\"";

    fn client(extra: &str) -> Client {
        let text = ["{\"token\":", F, extra, "}"].concat();
        new(&text, &[], Some("https://app.example")).unwrap()
    }

    #[test]
    fn options_are_checked() {
        let c = client("");
        assert_eq!(
            (c.headers_ms(), c.idle_ms(), c.has_fetch()),
            (30_000, 60_000, false)
        );
        for (text, needle) in [
            ("null", "options must be an object"),
            ("[1]", "options must be an object"),
            ("{}", "token must be a function"),
            ("{\"token\":\"abc\"}", "token must be a function"),
            ("{\"token\":1,\"allowedOrigin\":[]}", "unknown option"),
        ] {
            let e = new(text, &[], Some("https://app.example")).err().unwrap();
            assert_eq!(e.code, ErrorCode::InvalidConfig);
            assert!(e.message.contains(needle), "{text}: {}", e.message);
        }
        let no_page = ["{\"token\":", F, "}"].concat();
        let e = new(&no_page, &[], None).err().unwrap();
        assert!(e.message.contains("allowedOrigins is required"));
        let bad_deadline = ["{\"token\":", F, ",\"idleTimeoutMs\":null}"].concat();
        let e = new(&bad_deadline, &[], Some("https://a.b")).err().unwrap();
        assert!(e.message.contains("idleTimeoutMs"));
    }

    #[test]
    fn allowed_origins_come_normalised_by_the_platform() {
        let text = [
            "{\"token\":",
            F,
            ",\"allowedOrigins\":[\"HTTPS://API.example:443\"]}",
        ]
        .concat();
        let c = new(&text, &["https://api.example/"], None).unwrap();
        assert!(c.begin("https://api.example/chatkit", false).1);
        assert!(
            !c.begin("https://api.example/chatkit", true).1,
            "caller's header wins"
        );
        assert!(!c.begin("https://app.example/chatkit", false).1);
        assert!(!c.begin("http://api.example/chatkit", false).1);
        // An entry the parser refused, a path, or a count mismatch is refused.
        for norm in [&[""][..], &["https://api.example/x"][..], &[][..]] {
            assert!(new(&text, norm, None).is_err());
        }
        let empty = ["{\"token\":", F, ",\"allowedOrigins\":[]}"].concat();
        assert!(new(&empty, &[], None).is_err());
    }

    #[test]
    fn concurrent_401s_share_one_refresh_and_replay_once() {
        let mut c = client(&[",\"refreshToken\":", F, ",\"onEvent\":", F].concat());
        let (origin, ours) = c.begin("https://app.example/api", false);
        assert!(ours);
        let (sent, header) = c.token(Credential::Text("t1")).unwrap().unwrap();
        assert_eq!(header, "Bearer t1");
        let (second, _) = c.token(Credential::Text("t1")).unwrap().unwrap();
        assert_eq!(c.status(&sent, 200, origin.as_ref()), AfterStatus::Deliver);
        assert_eq!(
            c.status(&sent, 401, origin.as_ref()),
            AfterStatus::Refresh {
                id: 1,
                use_refresh_token: true
            }
        );
        assert_eq!(
            c.status(&second, 401, origin.as_ref()),
            AfterStatus::Join(1)
        );
        assert_eq!(
            c.refreshed("t1", Credential::Text("t2")),
            Ok(Some("t2".into()))
        );
        assert_eq!(
            c.replay(BodyKind::Text, "t2", origin.as_ref()).as_deref(),
            Some("Bearer t2")
        );
        assert_eq!(c.replay(BodyKind::Stream, "t2", origin.as_ref()), None);
        let e = c.take_event().unwrap();
        assert_eq!(
            (e.phase, e.origin.as_str(), e.status),
            (FetchPhase::TokenRefresh, "https://app.example", Some(401))
        );
        assert_eq!(c.take_event().unwrap().phase, FetchPhase::Replay);
        assert_eq!(c.take_event(), None);
        // The app still hands out the old token: it is swapped for the new one.
        assert_eq!(
            c.token(Credential::Text("t1")).unwrap().unwrap().1,
            "Bearer t2"
        );
    }

    #[test]
    fn failures_become_their_codes_and_events_only_with_a_listener() {
        let mut c = client("");
        assert_eq!(c.token(Credential::None), Ok(None));
        assert_eq!(c.token(Credential::Text("")), Ok(None));
        assert_eq!(
            c.token(Credential::Threw).unwrap_err().code,
            ErrorCode::Unauthorized
        );
        assert_eq!(
            c.token(Credential::NotAString).unwrap_err().code,
            ErrorCode::Unauthorized
        );
        assert_eq!(
            c.token(Credential::Text("Bearer x")).unwrap_err().code,
            ErrorCode::Unauthorized
        );
        let (sent, _) = c.token(Credential::Text("t1")).unwrap().unwrap();
        assert_eq!(
            c.status(&sent, 401, None),
            AfterStatus::Refresh {
                id: 1,
                use_refresh_token: false
            }
        );
        assert_eq!(
            c.refreshed("t1", Credential::Threw).unwrap_err().code,
            ErrorCode::Unauthorized
        );
        // A failed refresh may be tried again; one with no new token is not.
        assert_eq!(
            c.status(&sent, 401, None),
            AfterStatus::Refresh {
                id: 2,
                use_refresh_token: false
            }
        );
        assert_eq!(c.refreshed("t1", Credential::Text("t1")), Ok(None));
        assert_eq!(c.status(&sent, 401, None), AfterStatus::Deliver);
        assert_eq!(c.network().code, ErrorCode::Network);
        let e = c.headers_timeout(None);
        assert_eq!(
            (e.code, e.message.as_ref()),
            (
                ErrorCode::Timeout,
                "authFetch: no response headers within 30000 ms"
            )
        );
        assert_eq!(c.idle_timeout(200, None).status, Some(200));
        assert_eq!(c.take_event(), None, "no onEvent, no events");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Whatever the app's tokens and the statuses, the header sent is "Bearer " and a
        /// checked token, and a refresh is only started when none is in flight.
        #[test]
        fn any_sequence_keeps_one_refresh_in_flight(
            steps in proptest::collection::vec((0u8..4, proptest::bool::ANY), 1..40)
        ) {
            let mut c = client(&[",\"refreshToken\":", F].concat());
            let mut in_flight: Option<String> = None;
            for (t, unauthorized) in steps {
                let token = ["t", &t.to_string()].concat();
                let Some((sent, header)) = c.token(Credential::Text(&token)).unwrap() else { continue };
                proptest::prop_assert_eq!(header, ["Bearer ", &sent.token].concat());
                match c.status(&sent, if unauthorized { 401 } else { 200 }, None) {
                    AfterStatus::Refresh { .. } => {
                        proptest::prop_assert!(in_flight.is_none());
                        in_flight = Some(sent.token.clone());
                    }
                    AfterStatus::Join(_) => proptest::prop_assert!(in_flight.is_some()),
                    AfterStatus::Replay(t) => proptest::prop_assert_ne!(t, sent.token.clone()),
                    AfterStatus::Deliver => {}
                }
                if let Some(rejected) = in_flight.take() {
                    let next = ["n", &rejected].concat();
                    let got = c.refreshed(&rejected, Credential::Text(&next)).unwrap();
                    proptest::prop_assert_eq!(got, Some(next));
                }
            }
        }
    }
}
