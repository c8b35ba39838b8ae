/**
 * A class's papers of a term (issue 18, item 2): the help plan (班级关爱帮扶计划: goals, who helps whom, the
 * term's activities) the class teacher writes at the term's start, and the work summary (班级工作总结) two
 * weeks before its end, prefilled with the term's figures for the teacher to comment. Process
 * {@code class-term-papers}, one per class (business key {@code classterm-<id>}), whose dates come from the
 * term calendar. Owns {@code cf_class_plan}, {@code cf_class_plan_pairing} and {@code cf_class_summary};
 * reads the other modules through their public beans (cases, timeline contributors, class activities).
 */
package org.careflow.classplan;
