//! `partitions.json` and `aws.partition`: which AWS partition a region belongs to.

use std::sync::{Arc, OnceLock};

use serde_json::Value as Json;

use super::error::{JsonPath, RuleSetError};
use super::value::Value;

/// The AWS partitions (`aws`, `aws-cn`, `aws-us-gov`, ...) read from botocore's `partitions.json`.
///
/// `aws.partition(region)` picks the partition listing the region, else the first whose
/// `regionRegex` matches, else `aws`; the result carries the partition's `outputs` with the
/// region's own overrides applied.
///
/// ```
/// use awso_client::endpoint::Partitions;
///
/// let partitions = Partitions::from_json(r#"{"version": "1.1", "partitions": [{
///     "id": "aws", "regionRegex": "^us\\-\\w+\\-\\d+$", "regions": {"us-east-1": {}},
///     "outputs": {"name": "aws", "dnsSuffix": "amazonaws.com"}}]}"#).unwrap();
/// let outputs = partitions.lookup("us-west-9").unwrap();
/// assert!(outputs.iter().any(|(k, v)| k == "dnsSuffix" && v.as_str() == Some("amazonaws.com")));
/// ```
#[derive(Debug, Clone)]
pub struct Partitions {
    list: Vec<Partition>,
}

#[derive(Debug, Clone)]
struct Partition {
    id: String,
    region_regex: regex_lite::Regex,
    outputs: Vec<(String, Value)>,
    /// Each listed region with the outputs merged with its overrides.
    regions: Vec<(String, Vec<(String, Value)>)>,
}

/// botocore's `data/partitions.json`, minified: one small file (5 KB) for every service, so
/// it is carried once here rather than in each generated module. `tests/partitions_fresh.rs`
/// fails when the installed botocore has another.
///
/// ```
/// use awso_client::endpoint::{BOTOCORE_PARTITIONS, Partitions};
/// // The text reads as the partitions `Partitions::aws()` holds.
/// let partitions = Partitions::from_json(BOTOCORE_PARTITIONS).unwrap();
/// let name = |region| partitions.lookup(region).unwrap().iter()
///     .find(|(k, _)| k == "name").and_then(|(_, v)| v.as_str()).map(str::to_owned);
/// assert_eq!(name("us-gov-west-1").as_deref(), Some("aws-us-gov"));
/// ```
pub const BOTOCORE_PARTITIONS: &str = include_str!("partitions.json");

impl Partitions {
    /// The AWS partitions as botocore knows them ([`BOTOCORE_PARTITIONS`]), read once per
    /// process: what a [`Config`](crate::client::Config) uses unless told otherwise.
    ///
    /// ```
    /// use awso_client::endpoint::Partitions;
    /// let aws = Partitions::aws();
    /// let suffix = |region| aws.lookup(region).unwrap().iter()
    ///     .find(|(k, _)| k == "dnsSuffix").and_then(|(_, v)| v.as_str()).map(str::to_owned);
    /// assert_eq!(suffix("eu-west-1").as_deref(), Some("amazonaws.com"));
    /// assert_eq!(suffix("cn-north-1").as_deref(), Some("amazonaws.com.cn"));
    /// assert!(std::sync::Arc::ptr_eq(&aws, &Partitions::aws()));
    /// ```
    pub fn aws() -> Arc<Partitions> {
        static PARSED: OnceLock<Arc<Partitions>> = OnceLock::new();
        PARSED
            .get_or_init(|| {
                // Checked by the tests: the embedded text always parses.
                Arc::new(
                    Partitions::from_json(BOTOCORE_PARTITIONS)
                        .unwrap_or_else(|_| Partitions::empty()),
                )
            })
            .clone()
    }

    /// No partitions: `aws.partition` is then always unset. For rule sets that do not use it.
    ///
    /// ```
    /// # use awso_client::endpoint::Partitions;
    /// assert!(Partitions::empty().lookup("us-east-1").is_none());
    /// ```
    pub fn empty() -> Self {
        Partitions { list: Vec::new() }
    }

    /// Reads `partitions.json`.
    ///
    /// ```
    /// # use awso_client::endpoint::Partitions;
    /// let err = Partitions::from_json(r#"{"partitions": [{"id": "aws"}]}"#).unwrap_err();
    /// assert_eq!(err.path(), "partitions[0]");
    /// ```
    pub fn from_json(text: &str) -> Result<Self, RuleSetError> {
        let root = JsonPath::Root;
        let doc: Json = serde_json::from_str(text)
            .map_err(|e| RuleSetError::new(&root, format!("not JSON: {e}")))?;
        let list_path = root.key("partitions");
        let list = doc
            .get("partitions")
            .and_then(Json::as_array)
            .ok_or_else(|| RuleSetError::new(&list_path, "expected an array"))?;
        let list = list
            .iter()
            .enumerate()
            .map(|(i, p)| Partition::from_json(p, &list_path.index(i)))
            .collect::<Result<_, _>>()?;
        Ok(Partitions { list })
    }

    /// The outputs of `region`'s partition (as `aws.partition` gives them).
    ///
    /// ```
    /// use awso_client::endpoint::Partitions;
    /// let partitions = Partitions::from_json(r#"{"version": "1.1", "partitions": [{
    ///     "id": "aws", "regionRegex": "^(us|eu)\\-\\w+\\-\\d+$",
    ///     "regions": {"us-east-1": {"supportsFIPS": false}},
    ///     "outputs": {"name": "aws", "supportsFIPS": true}}]}"#).unwrap();
    /// let fips = |region| partitions.lookup(region).unwrap().iter()
    ///     .find(|(k, _)| k == "supportsFIPS").and_then(|(_, v)| v.as_bool());
    /// // A listed region's override beats the partition's output; a region the regex matches takes it.
    /// assert_eq!(fips("us-east-1"), Some(false));
    /// assert_eq!(fips("eu-west-1"), Some(true));
    /// ```
    pub fn lookup(&self, region: &str) -> Option<&[(String, Value)]> {
        for partition in &self.list {
            if let Some((_, outputs)) = partition.regions.iter().find(|(name, _)| name == region) {
                return Some(outputs);
            }
        }
        let by_regex = self.list.iter().find(|p| p.region_regex.is_match(region));
        let partition = by_regex.or_else(|| self.list.iter().find(|p| p.id == "aws"))?;
        Some(&partition.outputs)
    }
}

impl Partition {
    fn from_json(json: &Json, path: &JsonPath<'_>) -> Result<Self, RuleSetError> {
        let text = |key: &str| json.get(key).and_then(Json::as_str);
        let missing = |key: &str| RuleSetError::new(path, format!("missing string `{key}`"));
        let id = text("id").ok_or_else(|| missing("id"))?.to_owned();
        let regex = text("regionRegex").ok_or_else(|| missing("regionRegex"))?;
        let region_regex = regex_lite::Regex::new(regex)
            .map_err(|e| RuleSetError::new(&path.key("regionRegex"), format!("bad regex: {e}")))?;
        let outputs = record(json.get("outputs"), &path.key("outputs"))?;
        let mut regions = Vec::new();
        if let Some(listed) = json.get("regions").and_then(Json::as_object) {
            let regions_path = path.key("regions");
            for (name, overrides) in listed {
                let overrides = record(Some(overrides), &regions_path.key(name))?;
                let mut merged = outputs.clone();
                for (key, value) in overrides {
                    match merged.iter_mut().find(|(k, _)| *k == key) {
                        Some(slot) => slot.1 = value,
                        // A region's `description` is prose, not an output.
                        None if key == "description" => {}
                        None => merged.push((key, value)),
                    }
                }
                regions.push((name.clone(), merged));
            }
        }
        Ok(Partition {
            id,
            region_regex,
            outputs,
            regions,
        })
    }
}

fn record(json: Option<&Json>, path: &JsonPath<'_>) -> Result<Vec<(String, Value)>, RuleSetError> {
    let obj = json
        .and_then(Json::as_object)
        .ok_or_else(|| RuleSetError::new(path, "expected an object"))?;
    obj.iter()
        .map(|(k, v)| {
            Value::from_json(v)
                .map(|v| (k.clone(), v))
                .ok_or_else(|| RuleSetError::new(&path.key(k), "not a rules value"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTITIONS: &str = r#"{"version": "1.1", "partitions": [
        {"id": "aws", "regionRegex": "^(us|eu)\\-\\w+\\-\\d+$",
         "regions": {"aws-global": {"description": "global"}, "us-east-1": {"supportsFIPS": false}},
         "outputs": {"name": "aws", "dnsSuffix": "amazonaws.com", "supportsFIPS": true}},
        {"id": "aws-cn", "regionRegex": "^cn\\-\\w+\\-\\d+$", "regions": {},
         "outputs": {"name": "aws-cn", "dnsSuffix": "amazonaws.com.cn", "supportsFIPS": true}}]}"#;

    fn output<'a>(outputs: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
        outputs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    #[test]
    fn listed_regions_then_regex_then_aws() {
        let partitions = Partitions::from_json(PARTITIONS).unwrap();
        let name = |region| output(partitions.lookup(region).unwrap(), "name").cloned();
        assert_eq!(name("cn-north-1"), Some(Value::from("aws-cn")));
        assert_eq!(name("aws-global"), Some(Value::from("aws")));
        assert_eq!(name("eu-west-9"), Some(Value::from("aws")));
        // Matches no regex: the `aws` partition is the fallback.
        assert_eq!(name("mars-east-1"), Some(Value::from("aws")));
    }

    #[test]
    fn a_region_overrides_its_partition_outputs() {
        let partitions = Partitions::from_json(PARTITIONS).unwrap();
        let us_east_1 = partitions.lookup("us-east-1").unwrap();
        assert_eq!(output(us_east_1, "supportsFIPS"), Some(&Value::Bool(false)));
        assert_eq!(output(us_east_1, "description"), None);
        let us_west_2 = partitions.lookup("us-west-2").unwrap();
        assert_eq!(output(us_west_2, "supportsFIPS"), Some(&Value::Bool(true)));
    }

    #[test]
    fn a_bad_regex_is_named() {
        let text = r#"{"partitions": [{"id": "x", "regionRegex": "(", "outputs": {}}]}"#;
        let err = Partitions::from_json(text).unwrap_err();
        assert_eq!(err.path(), "partitions[0].regionRegex");
    }
}
