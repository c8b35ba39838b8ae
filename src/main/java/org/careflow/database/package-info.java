/**
 * The database under several careflow nodes: the engine's start serialised across nodes, and
 * careflow's indexes on the engine's own tables (a migration run once the engine's tables exist).
 */
package org.careflow.database;
