//! Query strings: repeated keys (`?tags=a&tags=b`) and the tag filter shared by template lists.

use crate::errors::ApiError;

/// A decoded query string, keys in order, repeats kept.
#[derive(Debug, Default, Clone)]
pub(crate) struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    /// Decodes a raw query string (`None` when the request had none).
    pub(crate) fn parse(raw: Option<&str>) -> QueryParams {
        QueryParams(
            form_urlencoded::parse(raw.unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The first value of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// 422 at `["query", "key[]"]` when the query uses the `key[]` spelling, which the service
    /// does not read (the contract's parameter is `key`, repeated): refused rather than
    /// silently ignored, so a client cannot rely on it.
    pub(crate) fn refuse_bracketed(&self, key: &str) -> Result<(), ApiError> {
        let bracketed = format!("{key}[]");
        if self.0.iter().any(|(k, _)| *k == bracketed) {
            return Err(ApiError::invalid(
                &["query", &bracketed],
                format!(
                    "unknown query parameter {bracketed}: send {key} repeated ({key}=a&{key}=b)"
                ),
                "value_error.extra",
            ));
        }
        Ok(())
    }

    /// The required `workspace_id` parameter as a UUID.
    ///
    /// # Errors
    /// 422 at `query.workspace_id` when it is missing or not a UUID.
    pub(crate) fn workspace_id(&self) -> Result<uuid::Uuid, ApiError> {
        let raw = self
            .get("workspace_id")
            .ok_or_else(|| ApiError::missing(&["query", "workspace_id"]))?;
        uuid::Uuid::parse_str(raw).map_err(|_| {
            ApiError::invalid(
                &["query", "workspace_id"],
                "value is not a valid uuid",
                "type_error.uuid",
            )
        })
    }

    /// Every value of `key`, in order (`key[]` is another key: see [`Self::refuse_bracketed`]).
    pub(crate) fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// How a list of tags narrows a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum TagMode {
    /// Every listed tag must be present.
    All,
    /// At least one listed tag must be present.
    Any,
}

impl TagMode {
    /// Parses `all` / `any`; anything else is a 422 at `loc`.
    pub(crate) fn parse(raw: &str, loc: &[&str]) -> Result<TagMode, ApiError> {
        match raw {
            "all" => Ok(TagMode::All),
            "any" => Ok(TagMode::Any),
            _ => Err(ApiError::invalid(
                loc,
                "value is not a valid enumeration member; permitted: 'all', 'any'",
                "type_error.enum",
            )),
        }
    }
}

/// The `tags` / `tags_mode` filter of the template lists (`GET /integrations/templates/sources`,
/// `GET /embedded/source-templates`, `GET /integrations/templates/connections`): `tags_mode`
/// defaults to `all`; no tags selects everything.
#[derive(Debug, Clone)]
pub(crate) struct TagFilter {
    names: Vec<String>,
    mode: TagMode,
}

impl TagFilter {
    /// A filter on `names` in `mode`.
    pub(crate) fn new(names: Vec<String>, mode: TagMode) -> TagFilter {
        TagFilter { names, mode }
    }

    /// Reads `tags` (repeated) and `tags_mode` from a query.
    ///
    /// # Errors
    /// 422 at `query.tags[]` when the query spells the parameter `tags[]` (see
    /// [`QueryParams::refuse_bracketed`]); 422 at `query.tags_mode` when it is neither `all`
    /// nor `any`.
    pub(crate) fn from_query(query: &QueryParams) -> Result<TagFilter, ApiError> {
        query.refuse_bracketed("tags")?;
        let mode = match query.get("tags_mode") {
            Some(raw) => TagMode::parse(raw, &["query", "tags_mode"])?,
            None => TagMode::All,
        };
        Ok(TagFilter {
            names: query.all("tags"),
            mode,
        })
    }

    /// Whether a template carrying `tags` passes the filter.
    pub(crate) fn matches(&self, tags: &[String]) -> bool {
        if self.names.is_empty() {
            return true;
        }
        match self.mode {
            TagMode::All => self.names.iter().all(|n| tags.contains(n)),
            TagMode::Any => self.names.iter().any(|n| tags.contains(n)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_and_brackets() {
        let q = QueryParams::parse(Some("tags=crm&tags%5B%5D=sales&tags=ops&x=a+b"));
        assert_eq!(q.all("tags"), vec!["crm", "ops"]);
        assert_eq!(q.all("tags[]"), vec!["sales"]);
        assert_eq!(q.get("x"), Some("a b"));
        assert!(q.refuse_bracketed("tags").is_err());
        assert!(TagFilter::from_query(&q).is_err());
        assert!(q.refuse_bracketed("x").is_ok());
    }

    #[test]
    fn tag_filter_modes() {
        let tags = vec!["crm".to_owned()];
        let all = TagFilter::from_query(&QueryParams::parse(Some("tags=crm&tags=sales"))).unwrap();
        assert!(!all.matches(&tags));
        let any = TagFilter::from_query(&QueryParams::parse(Some(
            "tags=crm&tags=sales&tags_mode=any",
        )))
        .unwrap();
        assert!(any.matches(&tags));
        assert!(
            TagFilter::from_query(&QueryParams::parse(None))
                .unwrap()
                .matches(&[])
        );
        assert!(TagFilter::from_query(&QueryParams::parse(Some("tags_mode=some"))).is_err());
    }
}
