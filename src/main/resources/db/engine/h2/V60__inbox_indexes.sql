-- careflow's indexes on the engine's tables (run by database.NodeStartup once the engine has created
-- them; careflow's own migrations in db/migration run before the engine exists).

-- The inbox, own half: a teacher's active tasks, soonest due first (inbox.InboxCounts:
-- ASSIGNEE_ = ? and SUSPENSION_STATE_ = 1 order by DUE_DATE_). The engine's ACT_IDX_TASK_ASSIGNEE has
-- the assignee alone, so every one of a busy user's tasks was read and sorted for a page of 20.
create index if not exists cf_ix_task_assignee_due on ACT_RU_TASK (ASSIGNEE_, DUE_DATE_);

-- The group half (candidate links by GROUP_ID_, then the task by its id) is served by the engine's
-- ACT_IDX_IDENT_LNK_GROUP and the primary key: a covering (GROUP_ID_, TYPE_, TASK_ID_) index was tried
-- and PostgreSQL did not use it (EXPLAIN in docs/PERFORMANCE.md), so it is not made.
