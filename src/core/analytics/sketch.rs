//! A streaming quantile sketch (DDSketch-style): values are counted in logarithmic
//! buckets, so memory is bounded whatever the number of values.
//!
//! Accuracy: for a quantile `q` of `n` values, the estimate is within
//! [`RELATIVE_ACCURACY`] (1%) relative error of the exact value of rank
//! `floor(q * (n - 1))` in the sorted values, for every value in
//! [`MIN_VALUE`, `MAX_VALUE`]. Values below `MIN_VALUE` (including 0) are reported as 0;
//! values above `MAX_VALUE` as `MAX_VALUE`. `max` is exact.

use crate::core::float::{ceil, exp, floor, ln};
use alloc::vec;
use alloc::vec::Vec;

/// The stated relative error bound of every quantile.
pub const RELATIVE_ACCURACY: f64 = 0.01;
/// Smallest value kept with relative accuracy (milliseconds: a microsecond).
pub const MIN_VALUE: f64 = 0.001;
/// Largest value kept with relative accuracy (milliseconds: about 11.6 days).
pub const MAX_VALUE: f64 = 1.0e9;

// gamma = (1 + a) / (1 - a); a bucket i holds values in (gamma^(i-1), gamma^i].
const GAMMA: f64 = (1.0 + RELATIVE_ACCURACY) / (1.0 - RELATIVE_ACCURACY);

/// The bucket count is bounded: ln(MAX_VALUE / MIN_VALUE) / ln(gamma) + 1 is 1383
/// buckets; one array of this many `u32`s (under 6 KB) is allocated at the first value.
pub const MAX_BUCKETS: usize = 1_400;

/// p50, p90, p99 and the exact maximum.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantiles {
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
}

#[derive(Clone, Debug, Default)]
pub struct Sketch {
    /// Counts of buckets `first_index() ..`, allocated at the first value.
    counts: Vec<u32>,
    zeros: u64,
    count: u64,
    max: f64,
}

fn ln_gamma() -> f64 {
    ln(GAMMA)
}

fn index_of(v: f64) -> i32 {
    // v in [MIN_VALUE, MAX_VALUE], so the index is a small integer.
    ceil(ln(v) / ln_gamma()) as i32
}

fn first_index() -> i32 {
    index_of(MIN_VALUE)
}

/// The value reported for bucket `i`: the point of (gamma^(i-1), gamma^i] whose
/// relative distance to both ends is the accuracy.
fn value_of(i: i32) -> f64 {
    2.0 * exp(i as f64 * ln_gamma()) / (GAMMA + 1.0)
}

impl Sketch {
    pub fn new() -> Self {
        Sketch::default()
    }

    /// Adds a value. NaN and negative values are ignored (a clock that went backwards).
    pub fn add(&mut self, v: f64) {
        if v.is_nan() || v < 0.0 {
            return;
        }
        self.count += 1;
        if v > self.max {
            self.max = v;
        }
        if v < MIN_VALUE {
            self.zeros += 1;
            return;
        }
        if self.counts.is_empty() {
            self.counts = vec![0; MAX_BUCKETS];
        }
        let slot = (index_of(v.min(MAX_VALUE)) - first_index()).max(0) as usize;
        if let Some(c) = self.counts.get_mut(slot.min(MAX_BUCKETS - 1)) {
            *c = c.saturating_add(1);
        }
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// The estimate of quantile `q` (0 to 1), or `None` when empty.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        if self.count == 0 {
            return None;
        }
        let q = if q.is_nan() { 0.5 } else { q.clamp(0.0, 1.0) };
        let rank = floor(q * (self.count - 1) as f64) as u64;
        if rank < self.zeros {
            return Some(0.0);
        }
        let mut seen = self.zeros;
        for (k, &c) in self.counts.iter().enumerate() {
            seen += c as u64;
            if seen > rank {
                let v = value_of(first_index() + k as i32);
                return Some(v.min(self.max));
            }
        }
        Some(self.max)
    }

    /// p50, p90, p99 and max, or `None` when empty.
    pub fn summary(&self) -> Option<Quantiles> {
        Some(Quantiles {
            p50: self.quantile(0.5)?,
            p90: self.quantile(0.9)?,
            p99: self.quantile(0.99)?,
            max: self.max,
        })
    }

    /// Buckets allocated (0, or [`MAX_BUCKETS`]).
    pub fn buckets(&self) -> usize {
        self.counts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift64*), so the tests need no OS randomness.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> f64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    fn exact(sorted: &[f64], q: f64) -> f64 {
        sorted[(q * (sorted.len() - 1) as f64).floor() as usize]
    }

    fn check(name: &str, values: Vec<f64>) {
        let mut s = Sketch::new();
        for &v in &values {
            s.add(v);
        }
        let mut sorted = values;
        sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
        assert_eq!(s.count(), sorted.len() as u64);
        for q in [0.5, 0.9, 0.99] {
            let want = exact(&sorted, q);
            let got = s.quantile(q).unwrap();
            let err = (got - want).abs() / want;
            assert!(
                err <= RELATIVE_ACCURACY + 1e-12,
                "{name}: q={q} exact={want} sketch={got} relative error {err}"
            );
        }
        assert_eq!(s.summary().unwrap().max, *sorted.last().unwrap());
        assert!(
            s.buckets() <= MAX_BUCKETS,
            "{name}: {} buckets",
            s.buckets()
        );
    }

    #[test]
    fn quantiles_of_100k_values_stay_within_one_percent() {
        const N: usize = 100_000;
        let mut r = Rng(0x9E37_79B9_7F4A_7C15);
        // Uniform response times from 50 ms to 30 s.
        check(
            "uniform",
            (0..N).map(|_| 50.0 + r.next() * 29_950.0).collect(),
        );
        // Log-normal-ish: heavy tail over six orders of magnitude.
        check(
            "log-uniform",
            (0..N).map(|_| 10f64.powf(r.next() * 6.0 - 1.0)).collect(),
        );
        // Exponential with a 2 s mean.
        check(
            "exponential",
            (0..N)
                .map(|_| -2_000.0 * (1.0 - r.next()).ln() + 0.01)
                .collect(),
        );
        // A bimodal mix: fast cached answers and slow tool calls.
        check(
            "bimodal",
            (0..N)
                .map(|i| {
                    if i % 10 == 0 {
                        8_000.0 + r.next() * 4_000.0
                    } else {
                        300.0 + r.next() * 200.0
                    }
                })
                .collect(),
        );
    }

    #[test]
    fn the_extremes_are_bounded() {
        let mut s = Sketch::new();
        for v in [0.0, 1e-9, MIN_VALUE, 1.0, MAX_VALUE, 1e15, f64::INFINITY] {
            s.add(v);
        }
        assert!(s.buckets() <= MAX_BUCKETS);
        assert!(index_of(MAX_VALUE) - first_index() < MAX_BUCKETS as i32);
        assert_eq!(s.quantile(0.0), Some(0.0));
        assert_eq!(s.summary().unwrap().max, f64::INFINITY);
        assert!(s.quantile(1.0).unwrap() <= MAX_VALUE * (1.0 + RELATIVE_ACCURACY));
    }

    #[test]
    fn empty_and_junk() {
        let mut s = Sketch::new();
        assert_eq!(s.summary(), None);
        s.add(f64::NAN);
        s.add(-5.0);
        assert_eq!(s.count(), 0);
        s.add(42.0);
        let q = s.summary().unwrap();
        assert!((q.p50 - 42.0).abs() / 42.0 <= RELATIVE_ACCURACY);
        assert_eq!(q.max, 42.0);
        assert_eq!(s.quantile(f64::NAN), s.quantile(0.5));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_quantile_is_within_the_bound(
            values in proptest::collection::vec(MIN_VALUE..MAX_VALUE, 1..400),
            q in 0.0f64..=1.0,
        ) {
            let mut s = Sketch::new();
            for &v in &values { s.add(v); }
            let mut sorted = values.clone();
            sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
            let want = exact(&sorted, q);
            let got = s.quantile(q).unwrap();
            proptest::prop_assert!((got - want).abs() <= want * RELATIVE_ACCURACY * (1.0 + 1e-9));
            proptest::prop_assert!(s.buckets() <= MAX_BUCKETS);
        }
    }
}
