//! Event listeners as owned handles: dropping the handle removes the listener, so a
//! long-lived `AbortSignal` never accumulates listeners from settled operations.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AbortSignal, EventTarget};

/// A listener on `target` for `event`, removed when dropped.
#[must_use = "the listener is removed as soon as the handle is dropped"]
pub struct EventListener {
    target: EventTarget,
    event: &'static str,
    callback: Closure<dyn FnMut()>,
}

impl EventListener {
    pub fn new(
        target: &EventTarget,
        event: &'static str,
        callback: impl FnMut() + 'static,
    ) -> Self {
        let callback = Closure::<dyn FnMut()>::new(callback);
        // Adding a listener to a live EventTarget does not throw.
        let _ = target.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        EventListener {
            target: target.clone(),
            event,
            callback,
        }
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(
            self.event,
            self.callback.as_ref().unchecked_ref(),
        );
    }
}

#[derive(Default)]
struct AbortState {
    fired: bool,
    waker: Option<Waker>,
}

/// Ready once `signal` aborts (at once if it already has). Dropping it removes its
/// listener.
pub struct AbortFuture {
    state: Rc<RefCell<AbortState>>,
    _listener: EventListener,
}

impl AbortFuture {
    pub fn new(signal: &AbortSignal) -> Self {
        let state = Rc::new(RefCell::new(AbortState {
            fired: signal.aborted(),
            waker: None,
        }));
        let in_listener = Rc::clone(&state);
        let listener = EventListener::new(signal, "abort", move || {
            let waker = {
                let mut s = in_listener.borrow_mut();
                s.fired = true;
                s.waker.take()
            };
            if let Some(w) = waker {
                w.wake();
            }
        });
        AbortFuture {
            state,
            _listener: listener,
        }
    }
}

impl Future for AbortFuture {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut s = self.state.borrow_mut();
        if s.fired {
            Poll::Ready(())
        } else {
            s.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}
