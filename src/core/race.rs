//! Racing futures without an executor-specific crate: the first to finish wins and the
//! others are dropped, which is how timers and listeners held by them are released.

use std::future::{poll_fn, Future};
use std::pin::pin;
use std::task::Poll;

/// Which of two raced futures finished first.
#[derive(Debug, PartialEq, Eq)]
pub enum Either<L, R> {
    Left(L),
    Right(R),
}

/// Polls `left` before `right` each time, so when both are ready in the same turn the
/// left one wins: the work beats its own deadline when it finished in time.
pub async fn first<L: Future, R: Future>(left: L, right: R) -> Either<L::Output, R::Output> {
    let mut left = pin!(left);
    let mut right = pin!(right);
    poll_fn(|cx| {
        if let Poll::Ready(v) = left.as_mut().poll(cx) {
            return Poll::Ready(Either::Left(v));
        }
        if let Poll::Ready(v) = right.as_mut().poll(cx) {
            return Poll::Ready(Either::Right(v));
        }
        Poll::Pending
    })
    .await
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;
    use std::task::{Context, Waker};

    /// Polls a future to completion on the current thread; panics if it stays pending
    /// for too many polls (the futures under test never wait on real I/O).
    pub(crate) fn block_on<F: Future>(fut: F) -> F::Output {
        let mut fut = pin!(fut);
        let mut cx = Context::from_waker(Waker::noop());
        for _ in 0..1000 {
            if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
                return v;
            }
        }
        panic!("future did not finish");
    }

    /// Ready after being polled `n` times.
    struct ReadyAfter(u32);
    impl Future for ReadyAfter {
        type Output = u32;
        fn poll(mut self: std::pin::Pin<&mut Self>, _: &mut Context<'_>) -> Poll<u32> {
            if self.0 == 0 {
                Poll::Ready(7)
            } else {
                self.0 -= 1;
                Poll::Pending
            }
        }
    }

    struct DropFlag(Rc<Cell<bool>>);
    impl Drop for DropFlag {
        fn drop(&mut self) {
            self.0.set(true);
        }
    }

    #[test]
    fn left_wins_a_tie() {
        let out = block_on(first(std::future::ready(1), std::future::ready(2)));
        assert_eq!(out, Either::Left(1));
    }

    #[test]
    fn the_sooner_one_wins() {
        assert_eq!(
            block_on(first(ReadyAfter(5), ReadyAfter(2))),
            Either::Right(7)
        );
        assert_eq!(
            block_on(first(ReadyAfter(2), ReadyAfter(5))),
            Either::Left(7)
        );
    }

    #[test]
    fn the_loser_is_dropped_when_the_race_ends() {
        let dropped = Rc::new(Cell::new(false));
        let flag = DropFlag(dropped.clone());
        let loser = async move {
            let _keep = flag;
            std::future::pending::<()>().await
        };
        let out = block_on(first(std::future::ready("done"), loser));
        assert_eq!(out, Either::Left("done"));
        assert!(
            dropped.get(),
            "the pending future must be dropped, releasing what it holds"
        );
    }
}
