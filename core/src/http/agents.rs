//! The client's ureq agents: one per thread slot, so that threads sharing a client do not
//! queue on one connection pool. A ureq agent's pool is one mutex, held while it probes a
//! pooled connection (three system calls); when its holder is preempted, every thread that
//! needs the pool sleeps until the holder runs again. Each thread keeps to one of
//! [`SLOTS`] agents (made on its first request), and all of them share one connector chain
//! (whose TLS settings are built once) and one host cache. A client used by one thread has one
//! agent, as before; each agent keeps its own idle connections.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use ureq::Agent;
use ureq::config::Config;
use ureq::unversioned::resolver::DefaultResolver;
use ureq::unversioned::transport::DefaultConnector;

use super::host_cache::HostCache;
use super::resolver::{CachingResolver, ForgetOnConnectFailure};

/// Agents per client: 8 threads sharing a client each get their own.
const SLOTS: usize = 8;

/// Up to [`SLOTS`] agents with the same settings, each made when a thread first needs it.
pub(crate) struct Agents {
    slots: [OnceLock<Agent>; SLOTS],
    config: Config,
    connector: ForgetOnConnectFailure,
    hosts: Arc<HostCache>,
}

impl Agents {
    /// Agents with `config`, resolving through `hosts`.
    pub(crate) fn new(config: Config, hosts: Arc<HostCache>) -> Self {
        Agents {
            slots: std::array::from_fn(|_| OnceLock::new()),
            connector: ForgetOnConnectFailure::new(DefaultConnector::default(), Arc::clone(&hosts)),
            config,
            hosts,
        }
    }

    /// The calling thread's agent.
    pub(crate) fn get(&self) -> &Agent {
        self.slots[thread_slot()].get_or_init(|| {
            Agent::with_parts(
                self.config.clone(),
                self.connector.clone(),
                CachingResolver::new(Arc::clone(&self.hosts), DefaultResolver::default()),
            )
        })
    }
}

/// The calling thread's slot: threads take slots in turn, in the order of their first request.
fn thread_slot() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    thread_local! {
        static SLOT: usize = NEXT.fetch_add(1, Ordering::Relaxed) % SLOTS;
    }
    SLOT.with(|slot| *slot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn agents() -> Agents {
        Agents::new(
            Agent::config_builder().build(),
            Arc::new(HostCache::new(Duration::from_secs(30))),
        )
    }

    #[test]
    fn a_thread_keeps_its_agent_and_threads_spread_over_the_slots() {
        let agents = agents();
        let mine: *const Agent = agents.get();
        assert!(std::ptr::eq(mine, agents.get()), "same thread, same agent");
        let others: Vec<usize> = std::thread::scope(|s| {
            (0..SLOTS - 1)
                .map(|_| s.spawn(|| agents.get() as *const Agent as usize))
                .collect::<Vec<_>>()
                .into_iter()
                .map(|h| h.join().unwrap())
                .collect()
        });
        let mut all = others;
        all.push(mine as usize);
        all.sort_unstable();
        all.dedup();
        // Slots are taken in turn by every thread of the process (other tests included), so
        // `SLOTS` threads starting together may share a slot only when other tests' threads
        // took slots meanwhile; more than one agent is in use either way.
        assert!(all.len() > 1, "{} agents for {SLOTS} threads", all.len());
        let made = agents.slots.iter().filter(|s| s.get().is_some()).count();
        assert_eq!(made, all.len(), "agents are made only for the slots in use");
    }
}
