/** Users and roles: password verifiers and the role records the catalog persists. */
package io.omendb.engine.users;
