/**
 * The school's activity register (主题班会, 安全教育, 生日会, 亲情活动 …): who took part, a short record and
 * photos or files, per school and class; and the obligations that the coordinator's decision
 * {@code activity-obligations} raises per class (process {@code class-activities}), which a matching
 * activity fulfils. Owns {@code cf_activity*}.
 */
package org.careflow.activity;
