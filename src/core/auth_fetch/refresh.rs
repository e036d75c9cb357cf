//! The token refresh after a 401: one refresh per rejected token, shared by every
//! concurrent 401, and no refresh at all for a token a refresh already replaced.
//!
//! A generation counts the refreshes that produced a new token. Each request remembers
//! the generation its token was taken at ([`Sent`]). On a 401:
//! - a refresh in flight is joined (20 concurrent 401s share one refresh);
//! - a request whose token predates the latest refresh replays with that refresh's
//!   token, without refreshing again;
//! - a token a refresh already found dead (it gave no new token) is not refreshed again;
//! - otherwise this 401 starts the refresh.
//!
//! `F` is the binding's handle on a refresh in flight (a shared promise); tests use a
//! number. Tokens are compared, never printed.

/// The token a request was sent with, and the generation it was taken at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sent<T> {
    pub token: T,
    pub generation: u64,
}

/// What to do about a 401.
#[derive(Debug, PartialEq, Eq)]
pub enum After401<T, F> {
    /// A refresh already replaced the rejected token: replay with its result.
    Replay(T),
    /// Wait for the refresh in flight.
    Join(F),
    /// Start a refresh; register its handle with [`RefreshGate::started`].
    Start,
    /// Nothing will help: return the 401.
    GiveUp,
}

/// The single-flight state of one `createAuthFetch`.
#[derive(Debug)]
pub struct RefreshGate<T, F> {
    generation: u64,
    flight: Option<F>,
    /// The token the latest refresh replaced, and its replacement.
    replaced: Option<(T, T)>,
    /// A token whose refresh gave no new token.
    dead: Option<T>,
}

impl<T, F> Default for RefreshGate<T, F> {
    fn default() -> Self {
        RefreshGate {
            generation: 0,
            flight: None,
            replaced: None,
            dead: None,
        }
    }
}

impl<T: PartialEq + Clone, F: Clone> RefreshGate<T, F> {
    /// The token to send, given what the app's `token()` returned: a token the latest
    /// refresh replaced is swapped for its replacement (so an app whose `token()` still
    /// returns the old one does not pay a 401 on every request).
    pub fn outgoing(&self, token: T) -> Sent<T> {
        let token = match &self.replaced {
            Some((old, new)) if *old == token => new.clone(),
            _ => token,
        };
        Sent {
            token,
            generation: self.generation,
        }
    }

    pub fn on_unauthorized(&self, sent: &Sent<T>) -> After401<T, F> {
        if let Some(f) = &self.flight {
            return After401::Join(f.clone());
        }
        if sent.generation < self.generation {
            if let Some((_, new)) = &self.replaced {
                if *new != sent.token {
                    return After401::Replay(new.clone());
                }
            }
        }
        if self.dead.as_ref() == Some(&sent.token) {
            return After401::GiveUp;
        }
        After401::Start
    }

    /// A refresh started; later 401s join it until [`RefreshGate::finished`].
    pub fn started(&mut self, flight: F) {
        self.flight = Some(flight);
    }

    /// The refresh of `rejected` ended with `outcome` (`None`: the app has no token, or
    /// the callback failed). Returns the token to replay with: a new one, never the
    /// rejected one.
    pub fn finished(&mut self, rejected: &T, outcome: Option<T>) -> Option<T> {
        self.flight = None;
        match outcome {
            Some(new) if new != *rejected => {
                self.generation += 1;
                self.replaced = Some((rejected.clone(), new.clone()));
                self.dead = None;
                Some(new)
            }
            _ => {
                self.dead = Some(rejected.clone());
                None
            }
        }
    }

    /// The refresh failed (its callback threw): nothing is learned about the token, so a
    /// later 401 may try again.
    pub fn failed(&mut self) {
        self.flight = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Gate = RefreshGate<&'static str, u32>;

    #[test]
    fn concurrent_401s_share_one_refresh() {
        let mut g = Gate::default();
        let sent: Vec<_> = (0..20).map(|_| g.outgoing("t1")).collect();
        assert_eq!(g.on_unauthorized(&sent[0]), After401::Start);
        g.started(1);
        for s in &sent[1..10] {
            assert_eq!(g.on_unauthorized(s), After401::Join(1));
        }
        assert_eq!(g.finished(&"t1", Some("t2")), Some("t2"));
        // 401s that arrive after the refresh ended replay without another one.
        for s in &sent[10..] {
            assert_eq!(g.on_unauthorized(s), After401::Replay("t2"));
        }
    }

    #[test]
    fn a_stale_token_from_the_app_is_swapped_for_its_replacement() {
        let mut g = Gate::default();
        let s = g.outgoing("t1");
        assert_eq!(g.on_unauthorized(&s), After401::Start);
        g.started(1);
        g.finished(&"t1", Some("t2"));
        let next = g.outgoing("t1");
        assert_eq!(
            next,
            Sent {
                token: "t2",
                generation: 1
            }
        );
        assert_eq!(g.outgoing("t9").token, "t9");
    }

    #[test]
    fn a_rejected_new_token_starts_its_own_refresh() {
        let mut g = Gate::default();
        g.started(1);
        g.finished(&"t1", Some("t2"));
        let s = g.outgoing("t2");
        assert_eq!(g.on_unauthorized(&s), After401::Start);
        g.started(2);
        assert_eq!(g.finished(&"t2", Some("t3")), Some("t3"));
        // A straggler from before both refreshes replays with the newest token.
        assert_eq!(
            g.on_unauthorized(&Sent {
                token: "t1",
                generation: 0
            }),
            After401::Replay("t3")
        );
    }

    #[test]
    fn a_refresh_without_a_new_token_gives_up_on_that_token() {
        let mut g = Gate::default();
        let s = g.outgoing("t1");
        assert_eq!(g.on_unauthorized(&s), After401::Start);
        g.started(1);
        assert_eq!(g.finished(&"t1", None), None);
        assert_eq!(g.on_unauthorized(&s), After401::GiveUp);
        // The same token back from a refresh is no new token either.
        let s = g.outgoing("t5");
        assert_eq!(g.on_unauthorized(&s), After401::Start);
        g.started(2);
        assert_eq!(g.finished(&"t5", Some("t5")), None);
        assert_eq!(g.on_unauthorized(&s), After401::GiveUp);
    }

    #[test]
    fn a_failed_refresh_can_be_tried_again() {
        let mut g = Gate::default();
        let s = g.outgoing("t1");
        g.started(1);
        assert_eq!(g.on_unauthorized(&s), After401::Join(1));
        g.failed();
        assert_eq!(g.on_unauthorized(&s), After401::Start);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use proptest::prelude::*;

        #[derive(Clone, Debug)]
        enum Step {
            /// A request takes a token from the app (index into a small token set).
            Send(u8),
            /// The oldest unanswered request gets a 401.
            Reject,
            /// The refresh in flight ends with a new token, no token, or an error.
            Finish(Option<bool>),
        }

        fn step() -> impl Strategy<Value = Step> {
            prop_oneof![
                (0u8..3).prop_map(Step::Send),
                Just(Step::Reject),
                prop_oneof![Just(Some(true)), Just(Some(false)), Just(None)].prop_map(Step::Finish),
            ]
        }

        proptest! {
            /// Whatever the interleaving: at most one refresh is in flight, a replay
            /// never reuses the rejected token, and each refresh that produced a token
            /// was started by a 401 for a token no earlier refresh had replaced.
            #[test]
            fn one_refresh_per_rejected_token(steps in proptest::collection::vec(step(), 1..60)) {
                let mut g: RefreshGate<u32, u32> = RefreshGate::default();
                let mut pending: Vec<Sent<u32>> = Vec::new();
                let mut flight: Option<(u32, u32)> = None; // (handle, rejected token)
                let mut next_token = 100u32;
                                let mut handles = 0u32;
                for s in steps {
                    match s {
                        Step::Send(t) => pending.push(g.outgoing(u32::from(t))),
                        Step::Reject => {
                            if pending.is_empty() { continue; }
                            let sent = pending.remove(0);
                            match g.on_unauthorized(&sent) {
                                After401::Start => {
                                    prop_assert!(flight.is_none());
                                    // Only a token taken after the latest refresh (or that
                                    // refresh's own token) can start another one.
                                    prop_assert!(
                                        sent.generation == g.generation
                                            || g.replaced.as_ref().map(|r| r.1) == Some(sent.token),
                                        "a 401 for an already replaced token must not refresh again"
                                    );
                                    handles += 1;
                                    g.started(handles);
                                    flight = Some((handles, sent.token));
                                }
                                After401::Join(h) => prop_assert_eq!(Some(h), flight.map(|f| f.0)),
                                After401::Replay(t) => prop_assert_ne!(t, sent.token),
                                After401::GiveUp => {}
                            }
                        }
                        Step::Finish(outcome) => {
                            let Some((_, rejected)) = flight.take() else { continue };
                            match outcome {
                                Some(true) => {
                                    next_token += 1;
                                    let got = g.finished(&rejected, Some(next_token));
                                    prop_assert_eq!(got, Some(next_token));
                                }
                                Some(false) => prop_assert_eq!(g.finished(&rejected, None), None),
                                None => g.failed(),
                            }
                        }
                    }
                }
            }
        }
    }
}
