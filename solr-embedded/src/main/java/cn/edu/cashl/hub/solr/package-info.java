/**
 * Nothing of the hub's own lives here: this module only repackages Solr (see its POM). The package
 * exists so that the jar has a home for the shading check in its tests.
 */
package cn.edu.cashl.hub.solr;
