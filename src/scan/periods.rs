//! Periods of time a summary counts in (`--by day|week|month`): UTC days,
//! ISO weeks (`2016-W42`) and months (`2016-10`), and `undated` for hits
//! whose input says no time. The calendar is jiff's.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::fmt;

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum By {
    Day,
    Week,
    Month,
}

impl By {
    pub(crate) const NAMES: [&'static str; 3] = ["day", "week", "month"];

    pub(crate) fn parse(name: &str) -> Option<By> {
        match name {
            "day" => Some(By::Day),
            "week" => Some(By::Week),
            "month" => Some(By::Month),
            _ => None,
        }
    }

    /// This length alone, as a list of lengths to count in.
    pub(crate) fn alone(self) -> &'static [By] {
        match self {
            By::Day => &[By::Day],
            By::Week => &[By::Week],
            By::Month => &[By::Month],
        }
    }

    /// Every length, shortest first.
    pub(crate) const ALL: [By; 3] = [By::Day, By::Week, By::Month];

    pub(crate) fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The period a time falls in.
    pub(crate) fn period_of(self, time: Option<Timestamp>) -> Period {
        let Some(time) = time else {
            return Period::Undated;
        };
        let date = time.to_zoned(TimeZone::UTC).date();
        Period::Dated(match self {
            By::Day => date,
            By::Week => date
                .checked_sub(
                    jiff::Span::new().days(i64::from(date.weekday().to_monday_zero_offset())),
                )
                .unwrap_or(date),
            By::Month => date.first_of_month(),
        })
    }

    /// The period after `period` (its first day a period on).
    pub(crate) fn next(self, period: Date) -> Option<Date> {
        let step = match self {
            By::Day => jiff::Span::new().days(1),
            By::Week => jiff::Span::new().weeks(1),
            By::Month => jiff::Span::new().months(1),
        };
        period.checked_add(step).ok()
    }

    /// The period that suits a span of time: days for up to two months,
    /// weeks for up to a year and a half, months beyond.
    pub(crate) fn for_span(first: Timestamp, last: Timestamp) -> By {
        let days = (last.as_second() - first.as_second()) / 86_400;
        if days <= 62 {
            By::Day
        } else if days <= 548 {
            By::Week
        } else {
            By::Month
        }
    }

    /// A period's name: `2016-10-18`, `2016-W42`, `2016-10`.
    pub(crate) fn label(self, period: Period) -> PeriodLabel {
        PeriodLabel { by: self, period }
    }

    /// The period a label names, as `label` writes it.
    pub(crate) fn parse_label(self, label: &str) -> Option<Period> {
        if label == "undated" {
            return Some(Period::Undated);
        }
        let date = match self {
            By::Day => label.parse::<Date>().ok()?,
            By::Month => format!("{label}-01").parse::<Date>().ok()?,
            By::Week => {
                let (year, week) = label.split_once("-W")?;
                let week = jiff::civil::ISOWeekDate::new(
                    year.parse().ok()?,
                    week.parse().ok()?,
                    jiff::civil::Weekday::Monday,
                )
                .ok()?;
                week.date()
            }
        };
        (self.period_of(Some(date.to_zoned(TimeZone::UTC).ok()?.timestamp()))
            == Period::Dated(date))
        .then_some(Period::Dated(date))
    }
}

/// Every period from the one `first` starts to the one `last` starts, in
/// order: a timeline's axis, gaps included.
pub(crate) fn axis(by: By, first: Date, last: Date) -> Vec<Date> {
    let mut periods = vec![first];
    while let Some(next) = by.next(*periods.last().unwrap_or(&first)) {
        if next > last {
            break;
        }
        periods.push(next);
    }
    periods
}

/// A period, by its first day; undated hits come after every date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Dated(Date),
    Undated,
}

pub(crate) struct PeriodLabel {
    by: By,
    period: Period,
}

impl fmt::Display for PeriodLabel {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let Period::Dated(date) = self.period else {
            return f.write_str("undated");
        };
        match self.by {
            By::Day => write!(f, "{date}"),
            By::Week => {
                let week = date.iso_week_date();
                write!(f, "{:04}-W{:02}", week.year(), week.week())
            }
            By::Month => write!(f, "{:04}-{:02}", date.year(), date.month()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<Timestamp> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn days_weeks_and_months_are_utc() {
        let late = at("2016-10-18T23:30:00-02:00"); // the 19th in UTC
        assert_eq!(
            By::Day.label(By::Day.period_of(late)).to_string(),
            "2016-10-19"
        );
        assert_eq!(
            By::Week.label(By::Week.period_of(late)).to_string(),
            "2016-W42"
        );
        assert_eq!(
            By::Month.label(By::Month.period_of(late)).to_string(),
            "2016-10"
        );
        assert_eq!(
            By::Month.label(By::Month.period_of(None)).to_string(),
            "undated"
        );
    }

    #[test]
    fn an_iso_week_may_belong_to_the_year_before_or_after() {
        // 2017-01-01 is a Sunday: ISO week 52 of 2016.
        let week = By::Week.period_of(at("2017-01-01T12:00:00Z"));
        assert_eq!(By::Week.label(week).to_string(), "2016-W52");
        assert_eq!(week, Period::Dated("2016-12-26".parse().unwrap()));
        // 2018-12-31 is a Monday: ISO week 1 of 2019.
        let week = By::Week.period_of(at("2018-12-31T00:00:00Z"));
        assert_eq!(By::Week.label(week).to_string(), "2019-W01");
    }

    #[test]
    fn labels_read_back() {
        for by in [By::Day, By::Week, By::Month] {
            for time in [at("2016-01-03T01:00:00Z"), at("2016-10-18T09:12:44Z"), None] {
                let period = by.period_of(time);
                let label = by.label(period).to_string();
                assert_eq!(by.parse_label(&label), Some(period), "{label}");
            }
        }
        assert_eq!(By::Day.parse_label("2016-13-01"), None);
        assert_eq!(By::Week.parse_label("2016-W54"), None);
    }

    #[test]
    fn the_span_picks_the_period() {
        let first = at("2016-01-01T00:00:00Z").unwrap();
        let pick = |last: &str| By::for_span(first, last.parse().unwrap());
        assert_eq!(pick("2016-02-15T00:00:00Z"), By::Day);
        assert_eq!(pick("2016-12-31T00:00:00Z"), By::Week);
        assert_eq!(pick("2017-12-31T00:00:00Z"), By::Month);
    }
}
