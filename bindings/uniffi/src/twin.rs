//! The async twins: `AsyncOperatorClient`, `AsyncEndUserClient` and an async twin of every
//! area handle, page walk and file stream they reach (`AsyncSourceTemplates`,
//! `AsyncWorkspaces`, `AsyncWorkspacePages`, `AsyncFileStream`, …), with the same method names
//! and arguments as the blocking objects, each network call awaited.
//!
//! Each twin method is an uniffi async export: Python gets a coroutine (`await
//! op.source_templates().list()`), Kotlin a `suspend fun`, Swift an `async throws` func. Its
//! future runs the blocking facade method on [`blocking`]'s thread pool ([`unblock`]), at most
//! [`MAX_CONCURRENT_CALLS`] at once across the process, and completes through the waker: the
//! foreign event loop (asyncio, a coroutine dispatcher, a Swift executor) is never blocked,
//! and a call waiting for a free slot waits asynchronously, holding no thread.
//!
//! Twin objects rather than `_async`-suffixed methods: the idiom of async clients in each
//! language is a second client whose methods keep their names (Python's `httpx.AsyncClient`,
//! `AsyncOpenAI`; Kotlin `suspend` functions named as the blocking ones; Swift `async`
//! overloads of the same name), and a suffix would read as `listAsync()` in Kotlin and Swift,
//! where `async` is already said by `suspend`/`await`. The twins also keep one object per API
//! area, so `await op.workspaces().get(id)` reads as `op.workspaces().get(id)` does.
//!
//! Cancellation: when the foreign side cancels an awaited call (an asyncio task cancelled, a
//! Kotlin coroutine cancelled, a Swift `Task` cancelled), the foreign code drops the Rust
//! future at once, and the await ends with the language's cancellation
//! (`asyncio.CancelledError`, `CancellationException`, `CancellationError`). A call still
//! waiting for a slot never starts; a call already on a pool thread runs to its end within
//! the client's timeouts and retries, and its result is dropped there (the pool thread holds
//! only the blocking object, which keeps its client alive until then). uniffi 0.32's Swift
//! runner does not pass a `Task`'s cancellation to Rust: `scripts/generate-bindings` adds
//! that to the generated Swift (`withTaskCancellationHandler` around each poll, calling the
//! future's cancel function, and `CancellationError` for a cancelled call).
//!
//! Every method is declared once, in the blocking object's module, inside [`twin!`], which
//! exports the blocking method and generates its twin. Methods are grouped by what the twin
//! does:
//! - `constructors`: the twin's constructor builds the blocking client and wraps it;
//! - `awaited`: a network call, awaited; its result is returned as is;
//! - `awaited_twin`: a network call, awaited, whose result is an object with a twin
//!   (`Files.open` returns a `FileStream`: the twin returns an `AsyncFileStream`);
//! - `handles`: no I/O; the result's twin is returned (`source_templates()`, `pages()`);
//! - `local`: no I/O; forwarded as is (`close()`, `base_url()`).
//!
//! A twin shares everything with the blocking object it wraps: `close()` on either closes
//! both, and `AsyncOperatorClient.end_user_client(name)` makes an `AsyncEndUserClient`
//! whose token the operator client mints.

use std::sync::{Arc, LazyLock};

use async_lock::Semaphore;

/// How many awaited calls run at once in the process, across every client: the bound of the
/// thread pool's use. A call beyond it waits, without a thread, for one of them to return.
pub const MAX_CONCURRENT_CALLS: usize = 64;

/// The slots of [`MAX_CONCURRENT_CALLS`].
static CALLS: LazyLock<Arc<Semaphore>> =
    LazyLock::new(|| Arc::new(Semaphore::new(MAX_CONCURRENT_CALLS)));

/// Runs `call` (a blocking facade call) on the thread pool once a slot is free, and returns
/// its result. Dropping the future before the call starts gives the slot back and never runs
/// it; dropping it later lets the call finish on its thread and drops the result there. A
/// panic in `call` reaches the caller (uniffi turns it into the foreign panic error).
pub(crate) async fn unblock<T, F>(call: F) -> T
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let slot = CALLS.acquire_arc().await;
    blocking::unblock(move || {
        let result = call();
        drop(slot);
        result
    })
    .await
}

/// A blocking facade object with an async twin ([`twin!`] implements it).
pub trait HasTwin {
    /// The twin's type.
    type Twin;
    /// The twin of `blocking`, sharing it.
    fn twin(blocking: Arc<Self>) -> Arc<Self::Twin>;
}

/// A result that can be turned into its async twin: an `Arc` of a [`HasTwin`] object, or a
/// `Result` of one.
pub trait IntoTwin {
    /// The twin's type.
    type Twin;
    /// The twin of `self`.
    fn into_twin(self) -> Self::Twin;
}

impl<T: HasTwin> IntoTwin for Arc<T> {
    type Twin = Arc<T::Twin>;
    fn into_twin(self) -> Self::Twin {
        T::twin(self)
    }
}

impl<T: IntoTwin, E> IntoTwin for Result<T, E> {
    type Twin = Result<T::Twin, E>;
    fn into_twin(self) -> Self::Twin {
        self.map(IntoTwin::into_twin)
    }
}

/// Declares an async twin object, or exports a blocking object's methods with their twins.
///
/// ```ignore
/// twin! {
///     /// Docs of the twin.
///     pub struct AsyncTags for Tags;
/// }
///
/// twin! {
///     impl Tags => AsyncTags {
///         awaited {
///             /// Docs (shared by both).
///             pub fn list(&self) -> Result<Vec<Tag>> { /* the blocking call */ }
///         }
///     }
/// }
/// ```
///
/// The sections (`constructors`, `awaited`, `awaited_twin`, `handles`, `local`, in this
/// order, each optional) are described in the module docs. Every method takes `&self` (a
/// constructor: no receiver) and named arguments; attributes, doc comments and
/// `#[uniffi::method(default(...))]` apply to both methods.
macro_rules! twin {
    ($(#[$doc:meta])* pub struct $twin:ident for $blocking:ident;) => {
        $(#[$doc])*
        #[derive(uniffi::Object)]
        pub struct $twin {
            pub(crate) blocking: ::std::sync::Arc<$blocking>,
        }

        impl $crate::twin::HasTwin for $blocking {
            type Twin = $twin;
            fn twin(blocking: ::std::sync::Arc<Self>) -> ::std::sync::Arc<$twin> {
                ::std::sync::Arc::new($twin { blocking })
            }
        }
    };

    (impl $blocking:ident => $twin:ident {
        $(constructors {$(
            $(#[$ca:meta])*
            pub fn $cn:ident($($carg:ident : $cty:ty),* $(,)?) -> $cret:ty $cbody:block
        )*})?
        $(awaited {$(
            $(#[$aa:meta])*
            pub fn $an:ident(&$aself:ident $(, $aarg:ident : $aty:ty)* $(,)?) $(-> $aret:ty)? $abody:block
        )*})?
        $(awaited_twin {$(
            $(#[$wa:meta])*
            pub fn $wn:ident(&$wself:ident $(, $warg:ident : $wty:ty)* $(,)?) -> $wret:ty $wbody:block
        )*})?
        $(handles {$(
            $(#[$ha:meta])*
            pub fn $hn:ident(&$hself:ident $(, $harg:ident : $hty:ty)* $(,)?) -> $hret:ty $hbody:block
        )*})?
        $(local {$(
            $(#[$la:meta])*
            pub fn $ln:ident(&$lself:ident $(, $larg:ident : $lty:ty)* $(,)?) $(-> $lret:ty)? $lbody:block
        )*})?
    }) => {
        #[uniffi::export]
        impl $blocking {
            $($(
                $(#[$ca])*
                pub fn $cn($($carg: $cty),*) -> $cret $cbody
            )*)?
            $($(
                $(#[$aa])*
                pub fn $an(&$aself $(, $aarg: $aty)*) $(-> $aret)? $abody
            )*)?
            $($(
                $(#[$wa])*
                pub fn $wn(&$wself $(, $warg: $wty)*) -> $wret $wbody
            )*)?
            $($(
                $(#[$ha])*
                pub fn $hn(&$hself $(, $harg: $hty)*) -> $hret $hbody
            )*)?
            $($(
                $(#[$la])*
                pub fn $ln(&$lself $(, $larg: $lty)*) $(-> $lret)? $lbody
            )*)?
        }

        #[uniffi::export]
        impl $twin {
            $($(
                $(#[$ca])*
                pub fn $cn($($carg: $cty),*) -> $cret {
                    $crate::twin::IntoTwin::into_twin($blocking::$cn($($carg),*))
                }
            )*)?
            $($(
                $(#[$aa])*
                pub async fn $an(&self $(, $aarg: $aty)*) $(-> $aret)? {
                    let blocking = ::std::sync::Arc::clone(&self.blocking);
                    $crate::twin::unblock(move || blocking.$an($($aarg),*)).await
                }
            )*)?
            $($(
                $(#[$wa])*
                pub async fn $wn(&self $(, $warg: $wty)*)
                    -> <$wret as $crate::twin::IntoTwin>::Twin
                {
                    let blocking = ::std::sync::Arc::clone(&self.blocking);
                    let result = $crate::twin::unblock(move || blocking.$wn($($warg),*)).await;
                    $crate::twin::IntoTwin::into_twin(result)
                }
            )*)?
            $($(
                $(#[$ha])*
                pub fn $hn(&self $(, $harg: $hty)*)
                    -> <$hret as $crate::twin::IntoTwin>::Twin
                {
                    $crate::twin::IntoTwin::into_twin(self.blocking.$hn($($harg),*))
                }
            )*)?
            $($(
                $(#[$la])*
                pub fn $ln(&self $(, $larg: $lty)*) $(-> $lret)? {
                    self.blocking.$ln($($larg),*)
                }
            )*)?
        }
    };
}

pub(crate) use twin;

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        futures_lite::future::block_on(future)
    }

    #[test]
    fn a_call_runs_off_the_caller_thread_and_returns_its_result() {
        let caller = std::thread::current().id();
        let (thread, value) = block_on(unblock(|| (std::thread::current().id(), 42)));
        assert_ne!(thread, caller);
        assert_eq!(value, 42);
    }

    #[test]
    fn no_more_than_the_bound_run_at_once() {
        static RUNNING: AtomicUsize = AtomicUsize::new(0);
        static PEAK: AtomicUsize = AtomicUsize::new(0);
        let calls: Vec<_> = (0..MAX_CONCURRENT_CALLS * 2)
            .map(|_| {
                unblock(|| {
                    let now = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
                    PEAK.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(20));
                    RUNNING.fetch_sub(1, Ordering::SeqCst);
                })
            })
            .collect();
        block_on(async {
            for call in calls {
                call.await;
            }
        });
        let peak = PEAK.load(Ordering::SeqCst);
        assert!(peak <= MAX_CONCURRENT_CALLS, "{peak} calls ran at once");
    }

    #[test]
    fn a_dropped_call_returns_at_once_and_its_thread_finishes() {
        let finished = Arc::new(AtomicUsize::new(0));
        let done = Arc::clone(&finished);
        let mut call = Box::pin(unblock(move || {
            std::thread::sleep(Duration::from_millis(300));
            done.fetch_add(1, Ordering::SeqCst);
        }));
        // Poll once so that the call starts, then drop it as a cancelled foreign await does.
        let started = Instant::now();
        block_on(futures_lite::future::poll_once(&mut call));
        std::thread::sleep(Duration::from_millis(50));
        drop(call);
        assert!(started.elapsed() < Duration::from_millis(250));
        assert_eq!(finished.load(Ordering::SeqCst), 0);
        let deadline = Instant::now() + Duration::from_secs(5);
        while finished.load(Ordering::SeqCst) == 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(finished.load(Ordering::SeqCst), 1);
    }
}
