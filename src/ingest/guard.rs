//! Running code that may panic (a PDF parser on a hostile file, the extractor on text it
//! was never meant for) and turning the panic into an error message.
//!
//! [`catch`] wraps [`std::panic::catch_unwind`]. While it runs, a panic hook installed
//! once for the process records the panic's message and location instead of printing it,
//! so a caught panic becomes one clear line in the caller's report. Outside [`catch`] the
//! hook hands every panic to the hook that was installed before it: nothing else changes.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let quiet = QUIET.try_with(Cell::get).unwrap_or(false);
            if quiet {
                let msg = payload_message(info.payload());
                let msg = match info.location() {
                    Some(l) => format!("{msg} (at {}:{})", l.file(), l.line()),
                    None => msg,
                };
                let _ = LAST.try_with(|c| *c.borrow_mut() = Some(msg));
            } else {
                previous(info);
            }
        }));
    });
}

fn payload_message(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

/// Runs `f`; a panic inside it becomes `Err(message)` (with the source location), printed
/// nowhere. The caller must not use state that `f` may have left half-updated.
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let was = QUIET.with(|q| q.replace(true));
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    r.map_err(|p| LAST.with(|c| c.borrow_mut().take()).unwrap_or_else(|| payload_message(p.as_ref())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_becomes_error() {
        let r: Result<(), String> = catch(|| panic!("boom {}", 42));
        let e = r.unwrap_err();
        assert!(e.starts_with("boom 42 (at "), "{e}");
        assert_eq!(catch(|| 7), Ok(7));
        // nested: the inner catch does not turn the outer one loud
        let r = catch(|| {
            let inner: Result<(), String> = catch(|| panic!("inner"));
            assert!(inner.is_err());
            panic!("outer")
        });
        assert!(r.unwrap_err().starts_with("outer"));
    }
}
