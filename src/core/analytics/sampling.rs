//! Sampling, deterministic per session: the same session id is always in or always out
//! for a given rate, so a session's events are kept or dropped together.

/// FNV-1a, 64 bits: small, stable across platforms and releases.
pub fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // FNV's low bits mix poorly for short inputs; a final avalanche (from splitmix64)
    // spreads them before the value is used as a fraction.
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The session's position in [0, 1).
pub fn position(session_id: &str) -> f64 {
    (hash(session_id) >> 11) as f64 / (1u64 << 53) as f64
}

/// Whether a session is kept at `rate` (0 to 1; 1 keeps every session, 0 none).
pub fn sampled(session_id: &str, rate: f64) -> bool {
    rate >= 1.0 || position(session_id) < rate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edges() {
        assert!(sampled("a", 1.0));
        assert!(!sampled("a", 0.0));
        assert!(!sampled("a", f64::NAN));
        assert_eq!(hash("session-1"), hash("session-1"));
        assert_ne!(hash("session-1"), hash("session-2"));
    }

    #[test]
    fn the_kept_share_follows_the_rate() {
        for rate in [0.1, 0.25, 0.5, 0.9] {
            let kept = (0..20_000)
                .filter(|i| sampled(&format!("s-{i}"), rate))
                .count() as f64
                / 20_000.0;
            assert!((kept - rate).abs() < 0.02, "rate {rate}: kept {kept}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn deterministic_and_monotonic_in_the_rate(id in ".{0,40}", a in 0.0f64..=1.0, b in 0.0f64..=1.0) {
            proptest::prop_assert_eq!(sampled(&id, a), sampled(&id, a));
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            // A session kept at a lower rate is kept at every higher rate.
            proptest::prop_assert!(!sampled(&id, lo) || sampled(&id, hi));
        }
    }
}
