/**
 * The database under several careflow nodes: the engine's start serialised across nodes, careflow's
 * indexes on the engine's own tables (a migration run once the engine's tables exist), the history kept,
 * and a due date on every job (the job executor acquires by due date).
 */
package org.careflow.database;
