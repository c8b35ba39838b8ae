package org.careflow.holiday;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** The holiday letters and holiday contacts in a child's file (privacy.ChildFile). */
@Component
class HolidayChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(
        ChildTable.perChild("cf_holiday_letter").kept("that the safety letter went home and came back signed: no free text"),
        ChildTable.perChild("cf_holiday_contact", "notes"));
  }
}
