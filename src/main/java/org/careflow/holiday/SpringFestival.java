package org.careflow.holiday;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The day of the Spring Festival (春节, the first day of the lunar year) in the years careflow runs in. */
final class SpringFestival {

  private static final Map<Integer, LocalDate> DAYS = Map.ofEntries(
      Map.entry(2020, LocalDate.of(2020, 1, 25)), Map.entry(2021, LocalDate.of(2021, 2, 12)),
      Map.entry(2022, LocalDate.of(2022, 2, 1)), Map.entry(2023, LocalDate.of(2023, 1, 22)),
      Map.entry(2024, LocalDate.of(2024, 2, 10)), Map.entry(2025, LocalDate.of(2025, 1, 29)),
      Map.entry(2026, LocalDate.of(2026, 2, 17)), Map.entry(2027, LocalDate.of(2027, 2, 6)),
      Map.entry(2028, LocalDate.of(2028, 1, 26)), Map.entry(2029, LocalDate.of(2029, 2, 13)),
      Map.entry(2030, LocalDate.of(2030, 2, 3)), Map.entry(2031, LocalDate.of(2031, 1, 23)),
      Map.entry(2032, LocalDate.of(2032, 2, 11)), Map.entry(2033, LocalDate.of(2033, 1, 31)),
      Map.entry(2034, LocalDate.of(2034, 2, 19)), Map.entry(2035, LocalDate.of(2035, 2, 8)),
      Map.entry(2036, LocalDate.of(2036, 1, 28)), Map.entry(2037, LocalDate.of(2037, 2, 15)),
      Map.entry(2038, LocalDate.of(2038, 2, 4)), Map.entry(2039, LocalDate.of(2039, 1, 24)),
      Map.entry(2040, LocalDate.of(2040, 2, 12)));

  private SpringFestival() {}

  /** The Spring Festival that falls between the two days (both included), if any. */
  static Optional<LocalDate> between(LocalDate first, LocalDate last) {
    for (int y = first.getYear(); y <= last.getYear(); y++) {
      LocalDate d = DAYS.get(y);
      if (d != null && !d.isBefore(first) && !d.isAfter(last)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
