/** See DESIGN.md for what this package holds and may import. */
package statescope.inspect;
