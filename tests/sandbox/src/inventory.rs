//! The names of the live resources, for counting what a run created twice.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::store::Store;

/// The names of every live resource in the sandbox, in creation order (see
/// [`crate::Sandbox::inventory`]). Deleted resources are not listed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Inventory {
    /// Workspace names (a workspace appears when a token is minted for a new name).
    pub workspaces: Vec<String>,
    /// Tag names.
    pub tags: Vec<String>,
    /// Source template names.
    pub source_templates: Vec<String>,
    /// Connection template destination names (empty for Airbyte-hosted ones).
    pub connection_templates: Vec<String>,
    /// Source names.
    pub sources: Vec<String>,
}

impl Inventory {
    /// The live resources of `store`.
    pub(crate) fn of(store: &Store) -> Inventory {
        Inventory {
            workspaces: store.workspaces.iter().map(|w| w.name.clone()).collect(),
            tags: store.tags.iter().map(|t| t.name.clone()).collect(),
            source_templates: store
                .source_templates
                .iter()
                .filter(|t| !t.deleted)
                .map(|t| t.name.clone())
                .collect(),
            connection_templates: store
                .connection_templates
                .iter()
                .map(|t| t.destination_name.clone().unwrap_or_default())
                .collect(),
            sources: store.sources.iter().map(|s| s.name.clone()).collect(),
        }
    }

    /// Every `(kind, name, count)` whose name appears more than once within its kind
    /// (`kind` is `"workspace"`, `"tag"`, `"source_template"`, `"connection_template"` or
    /// `"source"`). Empty when nothing was created twice.
    pub fn duplicates(&self) -> Vec<(&'static str, String, usize)> {
        let kinds: [(&'static str, &Vec<String>); 5] = [
            ("workspace", &self.workspaces),
            ("tag", &self.tags),
            ("source_template", &self.source_templates),
            ("connection_template", &self.connection_templates),
            ("source", &self.sources),
        ];
        let mut out = Vec::new();
        for (kind, names) in kinds {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for n in names {
                *counts.entry(n.as_str()).or_default() += 1;
            }
            out.extend(
                counts
                    .into_iter()
                    .filter(|(_, c)| *c > 1)
                    .map(|(n, c)| (kind, n.to_owned(), c)),
            );
        }
        out
    }

    /// How many extra copies [`Inventory::duplicates`] found (a name seen 3 times counts 2).
    pub fn duplicate_count(&self) -> usize {
        self.duplicates().iter().map(|(_, _, c)| c - 1).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_counted_per_kind() {
        let inv = Inventory {
            sources: vec!["a".into(), "b".into(), "a".into(), "a".into()],
            tags: vec!["a".into()],
            ..Default::default()
        };
        assert_eq!(inv.duplicates(), vec![("source", "a".to_owned(), 3)]);
        assert_eq!(inv.duplicate_count(), 2);
        assert_eq!(Inventory::default().duplicate_count(), 0);
    }
}
