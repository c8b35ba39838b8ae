/**
 * The teachers' term appraisal (考核, 篇6/20/28/29): per class teacher and mentor and term, their
 * obligations done on time and late (from the engine's task history), the records they wrote (the audit
 * trail), the 篇29 score (yearend) and the open work overdue today (oversight); the supervisor's grade,
 * comment and 评优 selection ({@code cf_appraisal}, owned here). Pages {@code /appraisal}, Excel and PDF,
 * and {@code GET /api/appraisal}.
 */
package org.careflow.appraisal;
