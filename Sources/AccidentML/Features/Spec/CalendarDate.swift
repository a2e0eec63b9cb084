/// Proleptic Gregorian calendar arithmetic for the date features (no Foundation, no allocation).
enum CalendarDate {
    /// Number of days in a month, or 0 for an invalid month.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        default: 0
        }
    }

    /// ISO weekday (1 Monday … 7 Sunday) of a valid date, -1 otherwise.
    static func isoWeekday(year: Int, month: Int, day: Int) -> Int {
        guard year > 0, day >= 1, day <= daysInMonth(year: year, month: month) else { return -1 }
        // Days since 1970-01-01 (a Thursday), after H. Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return ((days + 3) % 7 + 7) % 7 + 1
    }
}
