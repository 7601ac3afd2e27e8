<?xml version="1.0" encoding="UTF-8"?>
<!--
  unimarc-to-cashl: one UNIMARC bibliographic record (including the Chinese CNMARC profile) to the
  canonical CASHL record (https://ns.cashl.edu.cn/record/v1).

  Input: UNIMARC in the MARCXML structure (namespace http://www.loc.gov/MARC21/slim), as the Java
  reader delivers it; the first marc:record of the document is converted.

  Output: always valid against the CASHL schema, or xsl:message terminate="yes" with the reason
  (no title) for the quarantine. The discipline is always "unknown" (decided later by the HSS filter).

  The MARCXML plumbing (subfield access, holdings, provenance) deliberately repeats that of
  marc21-to-cashl.xsl rather than importing it: each crosswalk is versioned on its own, and a change
  to marc21-to-cashl must not change the output of unimarc-to-cashl@1.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:marc="http://www.loc.gov/MARC21/slim"
                xmlns:f="https://ns.cashl.edu.cn/xslt/functions"
                xmlns:fp="https://ns.cashl.edu.cn/xslt/functions/private"
                xmlns:u="https://ns.cashl.edu.cn/xslt/unimarc-to-cashl"
                xmlns:err="https://ns.cashl.edu.cn/xslt/errors"
                xmlns="https://ns.cashl.edu.cn/record/v1"
                exclude-result-prefixes="#all">

  <xsl:import href="lib/functions.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- ============================================================ parameters -->

  <!-- Source id (e.g. "nlc"); also the default holding library. -->
  <xsl:param name="source" as="xs:string" select="''"/>
  <!-- The hub id of the record, "source:localId". -->
  <xsl:param name="record-id" as="xs:string" select="''"/>
  <!-- When the hub received the record, YYYY-MM-DDThh:mm:ssZ. -->
  <xsl:param name="harvested-at" as="xs:string" select="''"/>
  <!-- This crosswalk and its version, e.g. "unimarc-to-cashl@1". -->
  <xsl:param name="crosswalk" as="xs:string" select="''"/>
  <!-- OAI identifier of the record, or empty. -->
  <xsl:param name="source-identifier" as="xs:string" select="''"/>
  <!-- OAI datestamp of the record, or empty. -->
  <xsl:param name="source-datestamp" as="xs:string" select="''"/>
  <!-- Tag of the local holdings field (e.g. "905" or "949"), or empty. -->
  <xsl:param name="holdings-field" as="xs:string" select="''"/>

  <!-- ======================================================= cleaned globals -->

  <xsl:variable name="src" as="xs:string" select="(f:code($source), 'unknown')[1]"/>

  <xsl:variable name="crosswalk-ref" as="xs:string"
                select="(normalize-space($crosswalk)[matches(., '^[a-z0-9][a-z0-9_\-]*@[0-9]+$')], 'unimarc-to-cashl@1')[1]"/>

  <xsl:variable name="harvested" as="xs:string"
                select="(normalize-space($harvested-at)[matches(., '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$') and . castable as xs:dateTime],
                         format-dateTime(adjust-dateTime-to-timezone(current-dateTime(), xs:dayTimeDuration('PT0S')),
                                         '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01]Z'))[1]"/>

  <!-- ================================================================= entry -->

  <xsl:template match="/">
    <xsl:variable name="rec" select="(//marc:record)[1]"/>
    <xsl:if test="empty($rec)">
      <xsl:message terminate="yes" error-code="err:no-record">input has no MARCXML record (no marc:record element in namespace http://www.loc.gov/MARC21/slim)</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$rec"/>
  </xsl:template>

  <xsl:template match="marc:record">
    <xsl:variable name="rec" select="."/>
    <xsl:variable name="f001" select="normalize-space(marc:controlfield[@tag = '001'][1])"/>
    <xsl:variable name="type" select="u:type($rec)"/>

    <xsl:variable name="id" as="xs:string?"
                  select="(u:record-id($record-id), u:record-id($src || ':' || $f001)[$f001 ne ''])[1]"/>
    <xsl:if test="empty($id)">
      <xsl:message terminate="yes" error-code="err:no-id">record has no id (record-id parameter empty and no 001)</xsl:message>
    </xsl:if>
    <xsl:variable name="local-id" as="xs:string"
                  select="($f001[. ne ''], normalize-space(substring-after($id, ':'))[. ne ''], $id)[1]"/>

    <xsl:variable name="title" as="element()" select="u:title($rec)"/>

    <record id="{$id}" type="{$type}">
      <identifiers>
        <xsl:sequence select="u:identifiers($rec, $f001)"/>
      </identifiers>
      <xsl:sequence select="$title"/>
      <xsl:sequence select="u:variant-titles($rec, string($title/*:main))"/>
      <xsl:sequence select="u:series($rec)"/>
      <xsl:sequence select="u:contributors($rec)"/>
      <xsl:sequence select="u:publication($rec)"/>
      <xsl:for-each select="u:first(marc:datafield[@tag = '205'], 'a')">
        <edition><xsl:value-of select="."/></edition>
      </xsl:for-each>
      <xsl:for-each select="marc:datafield[@tag = '215'][1]">
        <!-- UNIMARC leaves ISBD punctuation to the display: add it between extent, details and size -->
        <xsl:variable name="a" select="f:trim-isbd(string-join(u:sf(., 'a') ! f:trim-isbd(.), ' + '))"/>
        <xsl:variable name="c" select="f:trim-isbd(string-join(u:sf(., 'c') ! f:trim-isbd(.), ', '))"/>
        <xsl:variable name="d" select="f:trim-isbd(string-join(u:sf(., 'd') ! f:trim-isbd(.), ', '))"/>
        <xsl:variable name="v" select="replace(string-join(($a, $c ! (' : ' || .), $d ! (' ; ' || .)), ''), '^\s*[:;]\s*', '')"/>
        <xsl:if test="$v ne ''">
          <extent><xsl:value-of select="$v"/></extent>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="$type eq 'article'">
        <xsl:sequence select="u:host($rec)"/>
      </xsl:if>
      <xsl:sequence select="u:languages($rec)"/>
      <xsl:sequence select="u:subjects($rec)"/>
      <xsl:sequence select="u:classifications($rec)"/>
      <discipline>unknown</discipline>
      <xsl:for-each select="(u:sf(marc:datafield[@tag = '330'], 'a'))[1]">
        <description><xsl:value-of select="normalize-space()"/></description>
      </xsl:for-each>
      <xsl:sequence select="u:holdings($rec, $type, $local-id)"/>
      <provenance source="{$src}"
                  sourceIdentifier="{(normalize-space($source-identifier)[. ne ''], $f001[. ne ''], $id)[1]}">
        <xsl:if test="matches(normalize-space($source-datestamp), '^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$')">
          <xsl:attribute name="sourceDatestamp" select="normalize-space($source-datestamp)"/>
        </xsl:if>
        <xsl:attribute name="harvestedAt" select="$harvested"/>
        <xsl:attribute name="crosswalk" select="$crosswalk-ref"/>
      </provenance>
    </record>
  </xsl:template>

  <!-- ============================================================= helpers -->

  <!-- u:sf: the non-blank values of the given subfields, in document order, without the C1 control
       characters UNIMARC uses as non-sorting markers (NSB/NSE, U+0088/U+0089 or U+0098/U+009C). -->
  <xsl:function name="u:sf" as="xs:string*">
    <xsl:param name="fields" as="element()*"/>
    <xsl:param name="codes" as="xs:string*"/>
    <xsl:sequence select="$fields/marc:subfield[@code = $codes]/replace(., '[&#x80;-&#x9F;]', '')[normalize-space() ne '']"/>
  </xsl:function>

  <!-- u:first: the first non-blank value of one subfield, ISBD punctuation trimmed. -->
  <xsl:function name="u:first" as="xs:string?">
    <xsl:param name="fields" as="element()*"/>
    <xsl:param name="code" as="xs:string"/>
    <xsl:sequence select="(for $v in u:sf($fields, $code) return f:trim-isbd($v))[1]"/>
  </xsl:function>

  <xsl:function name="u:record-id" as="xs:string?">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="c" select="replace(replace(normalize-space($s), '[^A-Za-z0-9._:\-]+', '-'), '^[^A-Za-z0-9]+', '')"/>
    <xsl:sequence select="substring($c, 1, 256)[. ne '']"/>
  </xsl:function>

  <!-- u:dedup: the first element of each group with the same text (case-insensitive) and the named attribute. -->
  <xsl:function name="u:dedup" as="element()*">
    <xsl:param name="elements" as="element()*"/>
    <xsl:param name="attribute" as="xs:string?"/>
    <xsl:for-each-group select="$elements" group-by="lower-case(normalize-space(.)) || '|' || (if ($attribute) then string(@*[local-name() eq $attribute]) else '')">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- ================================================================ type -->

  <!--
    UNIMARC leader/06: a printed and b manuscript language material; leader/07: m monograph,
    c collection, s serial, i integrating resource, a analytic. Electronic: a 135 (coded data,
    electronic resources) or 230 (electronic resource characteristics), or the GMD in 200 $b
    ("electronic resource", "电子资源", "ressource électronique").
    Leader/06 l (electronic resource, which older UNIMARC practice used for all online material):
    a serial or integrating resource is an e-journal, a monograph an ebook only when 135 $a/0 says
    text (d); other electronic resources (software, databases) are "other".
  -->
  <xsl:function name="u:type" as="xs:string">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="leader" select="string($rec/marc:leader)"/>
    <xsl:variable name="l6" select="substring($leader, 7, 1)"/>
    <xsl:variable name="l7" select="substring($leader, 8, 1)"/>
    <xsl:variable name="electronic" as="xs:boolean"
                  select="exists($rec/marc:datafield[@tag = ('135', '230')])
                          or (some $b in u:sf($rec/marc:datafield[@tag = '200'], 'b') satisfies matches($b, 'electroni|électroni|电子', 'i'))"/>
    <!-- 135 $a/0: type of electronic resource, d = text -->
    <xsl:variable name="text" select="substring(u:sf($rec/marc:datafield[@tag = '135'], 'a')[1], 1, 1) eq 'd'"/>
    <xsl:sequence select="
        if ($l6 eq 'l') then (if ($l7 = ('s', 'i')) then 'ejournal' else if ($l7 = ('m', 'c') and $text) then 'ebook' else 'other')
        else if (not($l6 = ('a', 'b'))) then 'other'
        else if ($l7 = ('s', 'i')) then (if ($electronic) then 'ejournal' else 'journal')
        else if ($l7 eq 'a') then 'article'
        else if ($l7 = ('m', 'c')) then (if ($electronic) then 'ebook' else 'book')
        else 'other'"/>
  </xsl:function>

  <!-- ========================================================= identifiers -->

  <!--
    010 $a ISBN with 010 $b (qualification, e.g. "pbk.", "精装") as qualifier, 010 $z invalid;
    011 $a ISSN, 011 $y (cancelled) and $z (erroneous) invalid; 035 $a (OCoLC); 020 with country
    code US is the LCCN; 017 $a with $2 doi (other identifier) the DOI; 001 the local number.
  -->
  <xsl:function name="u:identifiers" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:param name="f001" as="xs:string"/>
    <xsl:variable name="isbns" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = '010']">
        <xsl:variable name="q" select="string-join(u:sf(., 'b') ! replace(normalize-space(.), '^[\s(:;,]+|[\s):;,]+$', ''), ' ; ')"/>
        <xsl:for-each select="marc:subfield[@code = ('a', 'z')]">
          <xsl:sequence select="if (@code eq 'a') then f:isbn(., $q) else fp:isbn(., $q, true())"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="u:dedup($isbns, ())"/>
    <xsl:variable name="issns" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = '011']/marc:subfield[@code = ('a', 'y', 'z')][normalize-space() ne '']">
        <xsl:choose>
          <xsl:when test="@code eq 'a'">
            <xsl:sequence select="f:issn(.)"/>
          </xsl:when>
          <xsl:otherwise>
            <issn valid="false"><xsl:value-of select="normalize-space()"/></issn>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="u:dedup($issns, ())"/>
    <xsl:variable name="oclcs" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = '035']/marc:subfield[@code = 'a'][starts-with(normalize-space(), '(OCoLC)')]">
        <xsl:variable name="n" select="replace(replace(replace(normalize-space(substring-after(., '(OCoLC)')), '^(ocm|ocn|on)', ''), '[^0-9]', ''), '^0+', '')"/>
        <xsl:if test="$n ne ''">
          <oclc><xsl:value-of select="$n"/></oclc>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="u:dedup($oclcs, ())"/>
    <xsl:for-each select="(for $f in $rec/marc:datafield[@tag = '020'][upper-case(normalize-space(marc:subfield[@code = 'a'][1])) eq 'US']
                           return u:sf($f, 'b'))[1]">
      <lccn><xsl:value-of select="replace(., '\s+', '')"/></lccn>
    </xsl:for-each>
    <xsl:for-each select="(for $d in $rec/marc:datafield[@tag = '017'][lower-case(normalize-space(marc:subfield[@code = '2'][1])) eq 'doi']
                           return u:doi(u:sf($d, 'a')[1]))[1]">
      <doi><xsl:value-of select="."/></doi>
    </xsl:for-each>
    <xsl:if test="$f001 ne ''">
      <local source="{$src}"><xsl:value-of select="$f001"/></local>
    </xsl:if>
  </xsl:function>

  <xsl:function name="u:doi" as="xs:string?">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="d" select="normalize-space(replace(normalize-space($s), '^(https?://(dx\.)?doi\.org/|doi:\s*)', '', 'i'))"/>
    <xsl:sequence select="$d[. ne '']"/>
  </xsl:function>

  <!-- ================================================================ title -->

  <!--
    200 $a (first) main, $e sub (several joined with " : "), $h partNumber, $i partName; $f and $g
    (statements of responsibility) and $9 (CNMARC pinyin) are not titles. Fallback: 500, 517, 540.
  -->
  <xsl:function name="u:title" as="element()">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="f200" select="$rec/marc:datafield[@tag = '200'][1]"/>
    <xsl:variable name="main" as="xs:string?" select="
        (u:first($f200, 'a'),
         u:first($rec/marc:datafield[@tag = '500'], 'a'),
         u:first($rec/marc:datafield[@tag = '517'], 'a'),
         u:first($rec/marc:datafield[@tag = '540'], 'a'))[1]"/>
    <xsl:if test="empty($main)">
      <xsl:message terminate="yes" error-code="err:no-title">record has no title (no 200, 500, 517 or 540)</xsl:message>
    </xsl:if>
    <xsl:variable name="sub" select="f:trim-isbd(string-join(u:sf($f200, 'e') ! f:trim-isbd(.), ' : '))"/>
    <xsl:variable name="number" select="f:trim-isbd(string-join(u:sf($f200, 'h') ! f:trim-isbd(.), ', '))"/>
    <xsl:variable name="name" select="f:trim-isbd(string-join(u:sf($f200, 'i') ! f:trim-isbd(.), '. '))"/>
    <title>
      <main><xsl:value-of select="$main"/></main>
      <xsl:if test="exists($sub)"><sub><xsl:value-of select="$sub"/></sub></xsl:if>
      <xsl:if test="exists($number)"><partNumber><xsl:value-of select="$number"/></partNumber></xsl:if>
      <xsl:if test="exists($name)"><partName><xsl:value-of select="$name"/></partName></xsl:if>
    </title>
  </xsl:function>

  <!-- 200 $d (parallel title proper), 500 (uniform), 510 (parallel), 517 (other variant), 540
       (added title supplied by the cataloguer), 541 (translated title); not the main title. -->
  <xsl:function name="u:variant-titles" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:param name="main" as="xs:string"/>
    <xsl:variable name="all" as="element()*">
      <xsl:for-each select="u:sf($rec/marc:datafield[@tag = '200'][1], 'd') ! f:trim-isbd(replace(., '^\s*[=:;/,]\s*', '')),
                            for $f in $rec/marc:datafield[@tag = ('500', '510', '517', '540', '541')] return u:first($f, 'a')">
        <variantTitle><xsl:value-of select="."/></variantTitle>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="u:dedup($all[lower-case(.) ne lower-case($main)], ())"/>
  </xsl:function>

  <!-- =============================================================== series -->

  <!-- 225 $a title, $v volume, $x ISSN; 410 $t (standard subfields) or $a (embedded 200 after $1). -->
  <xsl:function name="u:series" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="all" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = ('225', '410')]">
        <xsl:variable name="title" select="if (@tag eq '225') then u:first(., 'a') else (u:first(., 't'), u:first(., 'a'))[1]"/>
        <xsl:variable name="volume" select="u:first(., 'v')"/>
        <xsl:variable name="issn" select="u:sf(., 'x')[1]"/>
        <xsl:if test="exists($title)">
          <series>
            <title><xsl:value-of select="$title"/></title>
            <xsl:if test="exists($volume)"><volume><xsl:value-of select="$volume"/></volume></xsl:if>
            <xsl:if test="exists($issn)"><issn><xsl:value-of select="f:issn($issn)"/></issn></xsl:if>
          </series>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <!-- one series per title; volume and ISSN from whichever statement of it gives them first -->
    <xsl:for-each-group select="$all" group-by="lower-case(*:title)">
      <series>
        <xsl:sequence select="current-group()[1]/*:title, (current-group()/*:volume)[1], (current-group()/*:issn)[1]"/>
      </series>
    </xsl:for-each-group>
  </xsl:function>

  <!-- ========================================================= contributors -->

  <!--
    700/710 (primary responsibility) first, then 701/711 and 702/712 in field order. Persons: $a
    (entry element) + ", " + $b (rest of name, without the leading ", " some agencies such as the
    Italian SBN record in it), dates $f; organisations and meetings: $a + ". " + $b.
    Role from the first $4 that maps (UNIMARC numeric relator codes; CNMARC records sometimes carry the
    Chinese role word, e.g. "著", "译").
  -->
  <xsl:function name="u:contributors" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:for-each select="$rec/marc:datafield[@tag = ('700', '710')], $rec/marc:datafield[@tag = ('701', '702', '711', '712')]">
      <xsl:variable name="person" select="starts-with(@tag, '70')"/>
      <xsl:variable name="a" select="u:first(., 'a')"/>
      <xsl:variable name="b" select="u:sf(., 'b') ! f:trim-isbd(replace(., '^[\s,.:;]+', ''))"/>
      <xsl:variable name="name" select="if ($person) then string-join(($a, $b[1]), ', ') else string-join(($a, $b), '. ')"/>
      <xsl:variable name="dates" select="if ($person) then f:trim-isbd(replace(string(u:sf(., 'f')[1]), '^\s*\((.*)\)\s*$', '$1')) else ()"/>
      <xsl:variable name="role" select="(u:sf(., '4') ! f:relator(.))[1]"/>
      <xsl:if test="exists($a)">
        <contributor kind="{if ($person) then 'person' else 'organisation'}">
          <xsl:if test="exists($role)"><xsl:attribute name="role" select="$role"/></xsl:if>
          <name><xsl:value-of select="$name"/></name>
          <xsl:if test="exists($dates)"><dates><xsl:value-of select="$dates"/></dates></xsl:if>
        </contributor>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <!-- ========================================================== publication -->

  <!--
    210, else 214 with second indicator 0 (publication): $a place, $c publisher, $d date. The year is
    the first date of publication of the 100 general processing data (100 $a positions 9-12) when it
    is four digits, else the first year in $d.
  -->
  <xsl:function name="u:publication" as="element()?">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="field" select="($rec/marc:datafield[@tag = '210'], $rec/marc:datafield[@tag = '214'][@ind2 = ('0', ' ')])[1]"/>
    <xsl:variable name="place" select="f:trim-isbd(string-join(u:sf($field, 'a') ! f:trim-isbd(.), ' ; '))"/>
    <xsl:variable name="publisher" select="f:trim-isbd(string-join(u:sf($field, 'c') ! f:trim-isbd(.), ' ; '))"/>
    <xsl:variable name="date" select="f:trim-isbd(string-join(u:sf($field, 'd'), ' '))"/>
    <xsl:variable name="date1" select="substring(u:sf($rec/marc:datafield[@tag = '100'], 'a')[1], 10, 4)"/>
    <xsl:variable name="year" select="if (matches($date1, '^[0-9]{4}$') and not($date1 = ('0000', '9999'))) then $date1 else f:year($date)"/>
    <xsl:if test="exists(($place, $publisher, $year, $date))">
      <publication>
        <xsl:if test="exists($place)"><place><xsl:value-of select="$place"/></place></xsl:if>
        <xsl:if test="exists($publisher)"><publisher><xsl:value-of select="$publisher"/></publisher></xsl:if>
        <xsl:if test="exists($year)"><year><xsl:value-of select="$year"/></year></xsl:if>
        <xsl:if test="exists($date)"><date><xsl:value-of select="$date"/></date></xsl:if>
      </publication>
    </xsl:if>
  </xsl:function>

  <!-- ================================================================= host -->

  <!-- 461/463 (set / piece) host of an analytic: $t title (or $a after an embedded 200), $x ISSN, $v volume. -->
  <xsl:function name="u:host" as="element()?">
    <xsl:param name="rec" as="element()"/>
    <xsl:for-each select="$rec/marc:datafield[@tag = ('463', '461')][exists((u:first(., 't'), u:first(., 'a')))][1]">
      <xsl:variable name="volume" select="u:first(., 'v')"/>
      <isPartOf>
        <title><xsl:value-of select="(u:first(., 't'), u:first(., 'a'))[1]"/></title>
        <xsl:for-each select="u:sf(., 'x')[1]"><issn><xsl:value-of select="normalize-space()"/></issn></xsl:for-each>
        <xsl:if test="exists($volume)"><volume><xsl:value-of select="$volume"/></volume></xsl:if>
      </isPartOf>
    </xsl:for-each>
  </xsl:function>

  <!-- ============================================================ languages -->

  <!-- 101 $a (language of the text), in order; UNIMARC and CNMARC may carry T codes (zho, fra). -->
  <xsl:function name="u:languages" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="codes" as="xs:string*">
      <xsl:for-each select="u:sf($rec/marc:datafield[@tag = '101'], 'a')">
        <xsl:variable name="s" select="normalize-space()"/>
        <xsl:sequence select="if (matches($s, '^([A-Za-z]{3}){2,}$'))
                              then (for $i in 0 to string-length($s) idiv 3 - 1 return f:lang(substring($s, $i * 3 + 1, 3)))
                              else f:lang($s)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="distinct-values($codes)">
      <language><xsl:value-of select="."/></language>
    </xsl:for-each>
  </xsl:function>

  <!-- ============================================================= subjects -->

  <!--
    600 (person: $a, $b), 601 (corporate: $a. $b), 602 (family), 604 (name/title), 605 (uniform
    title), 606 (topical), 607 (geographic): the entry element, then the subdivisions $j (form) $x
    (topical) $y (geographic) $z (chronological) in field order, joined with " - - ". Scheme from $2.
    610 (uncontrolled terms): one keyword per $a.
  -->
  <xsl:function name="u:subjects" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="all" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = ('600', '601', '602', '604', '605', '606', '607', '610')]">
        <xsl:choose>
          <xsl:when test="@tag eq '610'">
            <xsl:for-each select="u:sf(., 'a') ! f:trim-isbd(.)">
              <subject scheme="keyword"><xsl:value-of select="."/></subject>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="a" select="u:first(., 'a')"/>
            <xsl:variable name="b" select="u:sf(., 'b') ! f:trim-isbd(replace(., '^[\s,.:;]+', ''))"/>
            <xsl:variable name="head" select="
                if (@tag eq '600') then string-join(($a, $b[1]), ', ')
                else if (@tag eq '601') then string-join(($a, $b), '. ')
                else $a"/>
            <xsl:variable name="subdivisions" select="u:sf(., ('j', 'x', 'y', 'z')) ! f:trim-isbd(.)"/>
            <xsl:variable name="scheme" select="f:code(replace(string(u:sf(., '2')[1]), '[.\s]+$', ''))"/>
            <xsl:if test="exists($a)">
              <subject>
                <xsl:if test="exists($scheme)"><xsl:attribute name="scheme" select="$scheme"/></xsl:if>
                <xsl:value-of select="string-join(($head, $subdivisions), ' -- ')"/>
              </subject>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="u:dedup($all, 'scheme')"/>
  </xsl:function>

  <!-- ====================================================== classifications -->

  <!--
    675 $a udc; 676 $a ddc (segmentation marks / and ' removed); 680 $a (+ $b) lcc; 686 $a with the
    scheme from $2 (skipped without); 690 $a clc, the Chinese Library Classification as CNMARC
    records it.
  -->
  <xsl:function name="u:classifications" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="all" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = ('675', '676', '680', '686', '690')]">
        <xsl:variable name="tag" select="string(@tag)"/>
        <xsl:variable name="scheme" as="xs:string?" select="
            if ($tag eq '675') then 'udc'
            else if ($tag eq '676') then 'ddc'
            else if ($tag eq '680') then 'lcc'
            else if ($tag eq '690') then 'clc'
            else u:scheme(u:sf(., '2')[1])"/>
        <xsl:variable name="b" select="normalize-space(u:sf(., 'b')[1])"/>
        <xsl:for-each select="u:sf(., 'a') ! normalize-space(.)">
          <xsl:variable name="value" select="
              if ($tag eq '680') then normalize-space(string-join((., if (position() eq 1) then $b else ()), ' '))
              else if ($tag eq '676') then replace(., '[/'']', '')
              else ."/>
          <xsl:if test="exists($scheme) and $value ne ''">
            <classification scheme="{$scheme}"><xsl:value-of select="$value"/></classification>
          </xsl:if>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="u:dedup($all, 'scheme')"/>
  </xsl:function>

  <!-- u:scheme: a 686 $2 as a scheme code; the names of the Chinese Library Classification become "clc". -->
  <xsl:function name="u:scheme" as="xs:string?">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="c" select="f:code($s)"/>
    <xsl:sequence select="if (matches(string($c), '^(clc|clcn|ztflh|cnlc)([\-.]?[0-9]+)?$') or normalize-space($s) = ('中图法', '中国图书馆分类法')) then 'clc' else $c"/>
  </xsl:function>

  <!-- ============================================================= holdings -->

  <!--
    As in marc21-to-cashl: one holding per configured local holdings field ($a library, $b call
    number, $c local record number), else per 852, else one for the source. Electronic for ebooks,
    e-journals and articles with an 856; the URL is the first 856 $u (second indicator 0 or 1 first).
  -->
  <xsl:function name="u:holdings" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="local-id" as="xs:string"/>
    <xsl:variable name="f856" select="$rec/marc:datafield[@tag = '856']"/>
    <xsl:variable name="urls" select="(u:sf($f856[@ind2 = ('0', '1')], 'u'), u:sf($f856[not(@ind2 = ('0', '1'))], 'u')) ! iri-to-uri(normalize-space(.))"/>
    <xsl:variable name="form" select="if ($type = ('ebook', 'ejournal') or ($type eq 'article' and exists($urls))) then 'electronic' else 'print'"/>
    <xsl:variable name="tag" select="normalize-space($holdings-field)"/>
    <xsl:variable name="local-fields" select="if ($tag ne '') then $rec/marc:datafield[@tag = $tag] else ()"/>
    <xsl:variable name="all" as="element()*">
      <xsl:choose>
        <xsl:when test="exists($local-fields)">
          <xsl:for-each select="$local-fields">
            <xsl:sequence select="u:holding((f:code(u:sf(., 'a')[1]), $src)[1],
                                            (normalize-space(u:sf(., 'c')[1])[. ne ''], $local-id)[1],
                                            normalize-space(u:sf(., 'b')[1]), $form, $urls[1])"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="exists($rec/marc:datafield[@tag = '852'])">
          <xsl:for-each select="$rec/marc:datafield[@tag = '852']">
            <xsl:sequence select="u:holding((f:code(u:sf(., 'a')[1]), $src)[1], $local-id,
                                            normalize-space(string-join(u:sf(., ('h', 'i')), ' ')), $form, $urls[1])"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="u:holding($src, $local-id, (), $form, $urls[1])"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each-group select="$all" group-by="@library || '|' || @localId">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:function name="u:holding" as="element()">
    <xsl:param name="library" as="xs:string"/>
    <xsl:param name="local-id" as="xs:string"/>
    <xsl:param name="call-number" as="xs:string?"/>
    <xsl:param name="form" as="xs:string"/>
    <xsl:param name="url" as="xs:string?"/>
    <holding library="{$library}" localId="{$local-id}" form="{$form}">
      <xsl:if test="normalize-space($call-number) ne ''"><callNumber><xsl:value-of select="normalize-space($call-number)"/></callNumber></xsl:if>
      <xsl:if test="$form eq 'electronic' and exists($url)"><url><xsl:value-of select="$url"/></url></xsl:if>
    </holding>
  </xsl:function>

</xsl:stylesheet>
