package org.careflow.child;

/** How the child is left behind (篇4/篇18/篇20); the eligibility decision reads it. */
public enum CareType {
  /** 父母双方外出务工 */
  BOTH_AWAY,
  /** 父母一方外出务工 */
  ONE_AWAY,
  /** 离异单亲外出务工 */
  SINGLE_PARENT_AWAY,
  /** 孤儿 */
  ORPHAN,
  /** 父母在家: not left behind */
  PARENTS_HOME
}
