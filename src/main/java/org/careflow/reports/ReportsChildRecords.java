package org.careflow.reports;

import java.util.List;
import org.careflow.shared.ChildRecords;
import org.springframework.stereotype.Component;

/** Which archived files hold the child (privacy.ChildFile); the files themselves are made again on anonymisation (TermArchive.onAnonymised). */
@Component
class ReportsChildRecords implements ChildRecords {

  @Override
  public List<ChildTable> childTables() {
    return List.of(ChildTable.perChild("cf_report_archive_child")
        .kept("ids only: the archive's files holding the child are made again without them when the child is anonymised"));
  }
}
