//! Quartz cron expressions: validation and a readable description.
//!
//! Fields, seconds first: `second minute hour day-of-month month day-of-week [year]`. Each field
//! accepts `*`, single values, ranges `a-b`, steps `*/n` / `a/n` / `a-b/n` and comma lists; months
//! accept `JAN`..`DEC` and days of week `SUN`..`SAT` (1 = Sunday). Day-of-month also accepts `L`,
//! `L-n`, `LW` and `nW`; day-of-week accepts `L`, `nL` and `n#k`. As in Quartz, exactly one of
//! day-of-month and day-of-week must be `?`. A 5-field Unix cron is invalid. A trailing ` UTC`
//! (as the service echoes expressions back) is ignored.

use std::fmt::Write;

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const ORDINALS: [&str; 5] = ["first", "second", "third", "fourth", "fifth"];

/// Which position a field has in the expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Second,
    Minute,
    Hour,
    DayOfMonth,
    Month,
    DayOfWeek,
    Year,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::Second,
        Kind::Minute,
        Kind::Hour,
        Kind::DayOfMonth,
        Kind::Month,
        Kind::DayOfWeek,
        Kind::Year,
    ];

    fn range(self) -> (u32, u32) {
        match self {
            Kind::Second | Kind::Minute => (0, 59),
            Kind::Hour => (0, 23),
            Kind::DayOfMonth => (1, 31),
            Kind::Month => (1, 12),
            Kind::DayOfWeek => (1, 7),
            Kind::Year => (1970, 2099),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Second => "second",
            Kind::Minute => "minute",
            Kind::Hour => "hour",
            Kind::DayOfMonth => "day-of-month",
            Kind::Month => "month",
            Kind::DayOfWeek => "day-of-week",
            Kind::Year => "year",
        }
    }

    fn names(self) -> &'static [&'static str] {
        match self {
            Kind::Month => &MONTHS,
            Kind::DayOfWeek => &DAYS,
            _ => &[],
        }
    }
}

/// One comma-separated part of a field.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Value(u32),
    Range(u32, u32),
    /// `*/n`, `a/n` or `a-b/n`: from `start` (through `end`, if given) every `step`.
    Step {
        start: u32,
        end: Option<u32>,
        step: u32,
    },
}

/// A parsed field.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Spec {
    /// `*`
    Every,
    /// `?`
    Unspecified,
    List(Vec<Item>),
    /// `L` or `L-n` (day-of-month).
    LastDay(u32),
    /// `LW` (day-of-month).
    LastWeekday,
    /// `nW` (day-of-month).
    NearestWeekday(u32),
    /// `L` or `nL` (day-of-week): the last such day of the month.
    LastOfMonth(u32),
    /// `n#k` (day-of-week): the k-th such day of the month.
    Nth(u32, u32),
}

/// A valid Quartz cron expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CronExpression {
    fields: Vec<Spec>,
}

/// Strips a trailing time-zone word the service appends (`0 0 12 * * ? UTC`).
pub(crate) fn strip_time_zone(expression: &str) -> &str {
    let trimmed = expression.trim();
    trimmed.strip_suffix(" UTC").map_or(trimmed, str::trim_end)
}

/// Parses a Quartz cron expression; the error is a sentence naming the bad field.
pub(crate) fn parse(expression: &str) -> Result<CronExpression, String> {
    let parts: Vec<&str> = strip_time_zone(expression).split_whitespace().collect();
    if parts.len() != 6 && parts.len() != 7 {
        return Err(format!(
            "expected 6 or 7 fields (second minute hour day-of-month month day-of-week [year]), found {}",
            parts.len()
        ));
    }
    let fields = parts
        .iter()
        .zip(Kind::ALL)
        .map(|(raw, kind)| {
            parse_field(raw, kind)
                .map_err(|e| format!("invalid {} field `{raw}`: {e}", kind.label()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let dom_none = fields[3] == Spec::Unspecified;
    let dow_none = fields[5] == Spec::Unspecified;
    if dom_none == dow_none {
        return Err(
            "exactly one of day-of-month and day-of-week must be `?` (for example `0 0 12 * * ?`)"
                .to_owned(),
        );
    }
    Ok(CronExpression { fields })
}

/// Parses and describes an expression (`"At 12:00:00, every day"`).
pub(crate) fn describe(expression: &str) -> Result<String, String> {
    parse(expression).map(|c| c.describe())
}

fn parse_field(raw: &str, kind: Kind) -> Result<Spec, String> {
    let upper = raw.to_ascii_uppercase();
    match upper.as_str() {
        "*" => return Ok(Spec::Every),
        "?" if matches!(kind, Kind::DayOfMonth | Kind::DayOfWeek) => return Ok(Spec::Unspecified),
        "?" => return Err("`?` is only allowed in day-of-month and day-of-week".to_owned()),
        _ => {}
    }
    if let Some(spec) = parse_special(&upper, kind)? {
        return Ok(spec);
    }
    let items = upper
        .split(',')
        .map(|part| parse_item(part, kind))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Spec::List(items))
}

/// `L`, `L-n`, `LW`, `nW` (day-of-month) and `L`, `nL`, `n#k` (day-of-week).
fn parse_special(upper: &str, kind: Kind) -> Result<Option<Spec>, String> {
    match kind {
        Kind::DayOfMonth => {
            if upper == "L" {
                return Ok(Some(Spec::LastDay(0)));
            }
            if upper == "LW" {
                return Ok(Some(Spec::LastWeekday));
            }
            if let Some(offset) = upper.strip_prefix("L-") {
                let n = number(offset)?;
                if !(1..=30).contains(&n) {
                    return Err("the offset from the last day must be between 1 and 30".to_owned());
                }
                return Ok(Some(Spec::LastDay(n)));
            }
            if let Some(day) = upper.strip_suffix('W') {
                return Ok(Some(Spec::NearestWeekday(value(day, kind)?)));
            }
            if upper.contains(['L', 'W']) {
                return Err("`L` and `W` cannot be combined with lists or ranges".to_owned());
            }
        }
        Kind::DayOfWeek => {
            if upper == "L" {
                return Ok(Some(Spec::LastOfMonth(7)));
            }
            if let Some(day) = upper.strip_suffix('L') {
                return Ok(Some(Spec::LastOfMonth(value(day, kind)?)));
            }
            if let Some((day, nth)) = upper.split_once('#') {
                let nth = number(nth)?;
                if !(1..=5).contains(&nth) {
                    return Err("the number after `#` must be between 1 and 5".to_owned());
                }
                return Ok(Some(Spec::Nth(value(day, kind)?, nth)));
            }
        }
        _ => {}
    }
    Ok(None)
}

fn parse_item(part: &str, kind: Kind) -> Result<Item, String> {
    let (min, max) = kind.range();
    if let Some((base, step)) = part.split_once('/') {
        let step = number(step)?;
        if step == 0 || step > max - min + 1 {
            return Err(format!("step {step} is out of range 1-{}", max - min + 1));
        }
        let (start, end) = match base {
            "*" => (min, None),
            _ => match parse_item(base, kind)? {
                Item::Value(v) => (v, None),
                Item::Range(a, b) => (a, Some(b)),
                Item::Step { .. } => return Err("nested steps".to_owned()),
            },
        };
        return Ok(Item::Step { start, end, step });
    }
    if let Some((a, b)) = part.split_once('-') {
        return Ok(Item::Range(value(a, kind)?, value(b, kind)?));
    }
    Ok(Item::Value(value(part, kind)?))
}

/// A number or (for months and days of week) a three-letter name, checked against the range.
fn value(raw: &str, kind: Kind) -> Result<u32, String> {
    let (min, max) = kind.range();
    if let Some(index) = kind.names().iter().position(|n| *n == raw) {
        return Ok(index as u32 + 1);
    }
    let n = number(raw)?;
    if n < min || n > max {
        return Err(format!("{n} is out of range {min}-{max}"));
    }
    Ok(n)
}

fn number(raw: &str) -> Result<u32, String> {
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{raw}` is not a number"));
    }
    raw.parse().map_err(|_| format!("`{raw}` is too large"))
}

impl CronExpression {
    /// A readable sentence: `"At 12:00:00, every day"`.
    pub(crate) fn describe(&self) -> String {
        let f = &self.fields;
        let mut clauses = vec![describe_time(&f[0], &f[1], &f[2])];
        clauses.push(if f[3] == Spec::Unspecified {
            describe_day_of_week(&f[5])
        } else {
            describe_day_of_month(&f[3])
        });
        if let Some(month) = describe_calendar(&f[4], Kind::Month) {
            clauses.push(month);
        }
        if let Some(year) = f.get(6).and_then(|y| describe_calendar(y, Kind::Year)) {
            clauses.push(year);
        }
        let sentence = clauses.join(", ");
        let mut chars = sentence.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    }
}

fn single(spec: &Spec) -> Option<u32> {
    match spec {
        Spec::List(items) => match items.as_slice() {
            [Item::Value(v)] => Some(*v),
            _ => None,
        },
        _ => None,
    }
}

fn describe_time(sec: &Spec, min: &Spec, hour: &Spec) -> String {
    if let (Some(s), Some(m), Some(h)) = (single(sec), single(min), single(hour)) {
        return format!("at {h:02}:{m:02}:{s:02}");
    }
    let mut parts = Vec::new();
    let finer_every = |spec: &Spec| *spec == Spec::Every;
    parts.push(describe_unit(sec, Kind::Second));
    if !(finer_every(sec) && finer_every(min)) {
        parts.push(describe_unit(min, Kind::Minute));
    }
    if !(*hour == Spec::Every && (finer_every(sec) || finer_every(min))) {
        parts.push(describe_unit(hour, Kind::Hour));
    }
    parts.join(", ")
}

fn describe_unit(spec: &Spec, kind: Kind) -> String {
    let unit = kind.label();
    match spec {
        Spec::List(items) if items.iter().all(|i| matches!(i, Item::Value(_))) => {
            let values: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    Item::Value(v) => Some(v.to_string()),
                    _ => None,
                })
                .collect();
            if values.len() == 1 {
                format!("at {unit} {}", values[0])
            } else {
                format!("at {unit}s {}", join_and(&values))
            }
        }
        Spec::List(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| describe_item(i, unit, &|v| v.to_string()))
                .collect();
            join_and(&parts)
        }
        _ => format!("every {unit}"),
    }
}

fn describe_item(item: &Item, unit: &str, name: &dyn Fn(u32) -> String) -> String {
    match item {
        Item::Value(v) => format!("{unit} {}", name(*v)),
        Item::Range(a, b) => format!("every {unit} from {} through {}", name(*a), name(*b)),
        Item::Step { start, end, step } => {
            let mut s = if *step == 1 {
                format!("every {unit}")
            } else {
                format!("every {step} {unit}s")
            };
            let _ = write!(s, " starting at {unit} {}", name(*start));
            if let Some(end) = end {
                let _ = write!(s, " through {}", name(*end));
            }
            s
        }
    }
}

fn describe_day_of_month(spec: &Spec) -> String {
    match spec {
        Spec::LastDay(0) => "on the last day of the month".to_owned(),
        Spec::LastDay(n) => format!("{n} days before the last day of the month"),
        Spec::LastWeekday => "on the last weekday of the month".to_owned(),
        Spec::NearestWeekday(d) => format!("on the weekday nearest day {d} of the month"),
        Spec::List(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| describe_item(i, "day", &|v| v.to_string()))
                .collect();
            format!("on {} of the month", join_and(&parts))
        }
        _ => "every day".to_owned(),
    }
}

fn day_name(d: u32) -> String {
    DAY_NAMES[(d as usize + 6) % 7].to_owned()
}

fn describe_day_of_week(spec: &Spec) -> String {
    match spec {
        Spec::LastOfMonth(d) => format!("on the last {} of the month", day_name(*d)),
        Spec::Nth(d, n) => format!(
            "on the {} {} of the month",
            ORDINALS[(*n as usize).clamp(1, 5) - 1],
            day_name(*d)
        ),
        Spec::List(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Item::Value(v) => day_name(*v),
                    Item::Range(a, b) => format!("{} through {}", day_name(*a), day_name(*b)),
                    step => describe_item(step, "day of the week", &day_name),
                })
                .collect();
            format!("on {}", join_and(&parts))
        }
        _ => "every day".to_owned(),
    }
}

/// Month and year clauses; `None` for `*`.
fn describe_calendar(spec: &Spec, kind: Kind) -> Option<String> {
    let name = |v: u32| match kind {
        Kind::Month => MONTH_NAMES[(v as usize).clamp(1, 12) - 1].to_owned(),
        _ => v.to_string(),
    };
    match spec {
        Spec::List(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Item::Value(v) => name(*v),
                    Item::Range(a, b) => format!("{} through {}", name(*a), name(*b)),
                    step => describe_item(step, kind.label(), &name),
                })
                .collect();
            Some(format!("in {}", join_and(&parts)))
        }
        _ => None,
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_six_and_seven_field_expressions() {
        for expr in [
            "0 0 12 * * ?",
            "0 15 10 ? * *",
            "0 15 10 * * ? 2025",
            "0 0/5 14,18 * * ?",
            "0 0-5 14 * * ?",
            "0 10,44 14 ? 3 WED",
            "0 15 10 ? * MON-FRI",
            "0 15 10 L * ?",
            "0 15 10 L-2 * ?",
            "0 15 10 ? * 6L",
            "0 15 10 ? * 6#3",
            "0 0 12 1/5 * ?",
            "0 11 11 11 11 ?",
            "0 0 12 LW * ?",
            "0 0 12 15W * ?",
            "*/10 * * * * ?",
            "0 0 12 * JAN-MAR,OCT ? 2025-2030",
            "0 0 12 * * ? UTC",
        ] {
            assert!(parse(expr).is_ok(), "{expr}: {:?}", parse(expr));
        }
    }

    #[test]
    fn invalid_expressions() {
        for expr in [
            "",
            "0 12 * * *",
            "0 0 12 * * ? 2025 x",
            "60 0 12 * * ?",
            "0 60 12 * * ?",
            "0 0 24 * * ?",
            "0 0 12 32 * ?",
            "0 0 12 0 * ?",
            "0 0 12 * 13 ?",
            "0 0 12 ? * 8",
            "0 0 12 * * ? 1969",
            "0 0 12 * * *",
            "0 0 12 ? * ?",
            "0 0 12 * FOO ?",
            "0 0/0 12 * * ?",
            "0 0 12 ? * 6#6",
            "0 0 12 1,L * ?",
            "? 0 12 * * ?",
            "0 0 12 * * ? ?",
            "a b c d e f",
            "0 0 12 1- * ?",
        ] {
            assert!(parse(expr).is_err(), "{expr} should be invalid");
        }
    }

    #[test]
    fn descriptions_are_readable() {
        assert_eq!(describe("0 0 12 * * ?").unwrap(), "At 12:00:00, every day");
        assert_eq!(
            describe("0 0 12 * * ? UTC").unwrap(),
            "At 12:00:00, every day"
        );
        assert_eq!(
            describe("0 15 10 ? * MON-FRI").unwrap(),
            "At 10:15:00, on Monday through Friday"
        );
        assert_eq!(
            describe("0 15 10 ? * 6#3").unwrap(),
            "At 10:15:00, on the third Friday of the month"
        );
        assert_eq!(
            describe("0 0 12 L * ? 2025").unwrap(),
            "At 12:00:00, on the last day of the month, in 2025"
        );
        assert_eq!(
            describe("0 0 12 1 JAN,JUL ?").unwrap(),
            "At 12:00:00, on day 1 of the month, in January and July"
        );
        assert_eq!(
            describe("0 */5 * * * ?").unwrap(),
            "At second 0, every 5 minutes starting at minute 0, every hour, every day"
        );
        assert_eq!(describe("* * * * * ?").unwrap(), "Every second, every day");
        assert!(
            describe("0 12 * * *")
                .unwrap_err()
                .contains("6 or 7 fields")
        );
    }
}
