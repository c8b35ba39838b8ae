package org.careflow.child;

/**
 * What a list shows of a case: its child and the child's class, read as five columns. Inbox rows and
 * filter counts need only these; loading the case, child and class entities for them cost more than the
 * page's own query (docs/PERFORMANCE.md, "inbox_page_http_p95").
 */
public record CaseOfChild(Long caseId, Long childId, String childName, Long classId, String className) {}
