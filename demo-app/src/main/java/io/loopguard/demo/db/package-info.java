/**
 * PostgreSQL access: where the database comes from (embedded or a user-given JDBC URL), its schema and seed data, the
 * one query the demo makes, and a tiny connection pool for the worker threads.
 */
package io.loopguard.demo.db;
