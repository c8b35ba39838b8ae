/**
 * What a school hands in (issue 18): the printable files (一人一档, 联系卡, a class's term file) as PDF,
 * rendered from Thymeleaf XHTML by OpenHTMLtoPDF with an embedded CJK font, and the township's statistics
 * workbook. Reads the other modules' data only through their public beans (archive, cases, timeline
 * contributors, school directory, term calendar).
 */
package org.careflow.reports;
