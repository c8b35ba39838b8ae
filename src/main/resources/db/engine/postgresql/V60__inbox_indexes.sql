-- careflow's indexes on the engine's tables (run by database.NodeStartup once the engine has created
-- them; careflow's own migrations in db/migration run before the engine exists).

-- The inbox, own half: a teacher's active tasks, soonest due first (inbox.InboxCounts:
-- ASSIGNEE_ = ? and SUSPENSION_STATE_ = 1 order by DUE_DATE_). The engine's ACT_IDX_TASK_ASSIGNEE has
-- the assignee alone, so every one of a busy user's tasks was read and sorted for a page of 20.
create index if not exists cf_ix_task_assignee_due on ACT_RU_TASK (ASSIGNEE_, DUE_DATE_);

-- The inbox, group half: the tasks offered to the user's groups (TYPE_ = 'candidate' and GROUP_ID_ in
-- (...)), answered from the index alone (the engine's ACT_IDX_IDENT_LNK_GROUP has the group alone and
-- sends every candidate link of a big group back to the table for its type and task).
create index if not exists cf_ix_identitylink_group_task on ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);
