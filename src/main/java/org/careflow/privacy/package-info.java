/**
 * The PIPL duties over a child's whole file: everything held about one child exported for an
 * administrator, and a closed case's personal data removed once the retention period has passed.
 *
 * <p>Like oversight, reads and changes the other modules' tables with SQL (JdbcTemplate) rather than
 * through their classes, so that it sees every table in one place: {@link org.careflow.privacy.ChildFile}
 * lists each table and its personal free-text columns. A module that adds a table holding children's
 * data adds it there.
 */
package org.careflow.privacy;
