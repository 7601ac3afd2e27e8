<?xml version="1.0" encoding="UTF-8"?>
<!--
  Holdings statements for the outbound crosswalks (cashl-to-marcxml, cashl-to-mods), which import it
  with <xsl:import href="lib/holdings.xsl"/>.

  h:statement(holding) writes an electronic holding's coverage ranges (schema 1.1) the way holdings
  statements are written (ANSI/NISO Z39.71): enumeration, then chronology in parentheses, a hyphen
  between first and last issue, nothing after it for an open range, ranges separated by "; ", e.g.
  "v.1:no.1 (1911)-v.30:no.4 (1940-12); v.40 (1950)- (moving wall R5Y)". The embargo is written as
  KBART writes it and explained in docs/efirst.md; a depth other than full text is named in brackets.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:h="https://ns.cashl.edu.cn/xslt/holdings"
                xpath-default-namespace="https://ns.cashl.edu.cn/record/v1"
                exclude-result-prefixes="#all">

  <!-- The statement of a holding's ranges, or the empty sequence when it states none. -->
  <xsl:function name="h:statement" as="xs:string?">
    <xsl:param name="holding" as="element()"/>
    <xsl:variable name="ranges" as="xs:string*" select="$holding/range ! h:range(.)"/>
    <xsl:sequence select="if (exists($ranges)) then string-join($ranges, '; ') else ()"/>
  </xsl:function>

  <xsl:function name="h:range" as="xs:string">
    <xsl:param name="range" as="element()"/>
    <xsl:variable name="from" select="h:issue($range/@startVolume, $range/@startIssue, $range/@start)"/>
    <xsl:variable name="to" select="h:issue($range/@endVolume, $range/@endIssue, $range/@end)"/>
    <xsl:sequence select="string-join((
        $from || '-' || $to,
        $range/@embargo ! ('(moving wall ' || normalize-space(.) || ')'),
        $range/@depth[normalize-space(.) != 'fulltext'] ! ('[' || normalize-space(.) || ']')), ' ')"/>
  </xsl:function>

  <!-- "v.1:no.3 (1911)", "v.1", "(1911)", or empty. -->
  <xsl:function name="h:issue" as="xs:string">
    <xsl:param name="volume" as="attribute()?"/>
    <xsl:param name="issue" as="attribute()?"/>
    <xsl:param name="date" as="attribute()?"/>
    <xsl:variable name="enumeration" select="string-join((
        $volume ! ('v.' || normalize-space(.)),
        $issue ! ('no.' || normalize-space(.))), ':')"/>
    <xsl:sequence select="string-join((
        $enumeration[. != ''],
        $date ! ('(' || normalize-space(.) || ')')), ' ')"/>
  </xsl:function>
</xsl:stylesheet>
