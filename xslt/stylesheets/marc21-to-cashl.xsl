<?xml version="1.0" encoding="UTF-8"?>
<!--
  marc21-to-cashl: one MARC 21 bibliographic record (MARCXML) to the canonical CASHL record
  (https://ns.cashl.edu.cn/record/v1, schemas/src/main/resources/xsd/cashl-record-v1.xsd).

  Input: a MARCXML document whose first marc:record is converted (a wrapping marc:collection is
  allowed; further records are ignored). The Java reader converts ISO 2709 and MarcXchange to this.

  Output: always valid against the CASHL schema. Values that would break it (bad codes, empty
  strings, a malformed parameter) are cleaned or omitted; a record that cannot become a CASHL record
  at all (no title) stops with xsl:message terminate="yes", whose text the pipeline records as the
  quarantine reason.

  The discipline is always "unknown": the HSS filter of the Java pipeline decides it later.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:marc="http://www.loc.gov/MARC21/slim"
                xmlns:f="https://ns.cashl.edu.cn/xslt/functions"
                xmlns:fp="https://ns.cashl.edu.cn/xslt/functions/private"
                xmlns:m="https://ns.cashl.edu.cn/xslt/marc21-to-cashl"
                xmlns:err="https://ns.cashl.edu.cn/xslt/errors"
                xmlns="https://ns.cashl.edu.cn/record/v1"
                exclude-result-prefixes="#all">

  <xsl:import href="lib/functions.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- ============================================================ parameters -->

  <!-- Source id (e.g. "pku"); also the default holding library. -->
  <xsl:param name="source" as="xs:string" select="''"/>
  <!-- The hub id of the record, "source:localId". -->
  <xsl:param name="record-id" as="xs:string" select="''"/>
  <!-- When the hub received the record, YYYY-MM-DDThh:mm:ssZ. -->
  <xsl:param name="harvested-at" as="xs:string" select="''"/>
  <!-- This crosswalk and its version, e.g. "marc21-to-cashl@1". -->
  <xsl:param name="crosswalk" as="xs:string" select="''"/>
  <!-- OAI identifier of the record, or empty. -->
  <xsl:param name="source-identifier" as="xs:string" select="''"/>
  <!-- OAI datestamp of the record, or empty. -->
  <xsl:param name="source-datestamp" as="xs:string" select="''"/>
  <!-- Tag of the local holdings field (e.g. "949"), or empty. -->
  <xsl:param name="holdings-field" as="xs:string" select="''"/>

  <!-- ======================================================= cleaned globals -->

  <!-- The source as a Code; "unknown" only if the pipeline passed nothing usable. -->
  <xsl:variable name="src" as="xs:string" select="(f:code($source), 'unknown')[1]"/>

  <xsl:variable name="crosswalk-ref" as="xs:string"
                select="(normalize-space($crosswalk)[matches(., '^[a-z0-9][a-z0-9_\-]*@[0-9]+$')], 'marc21-to-cashl@1')[1]"/>

  <!-- harvestedAt is required: the current time (UTC) stands in for a missing or malformed value. -->
  <xsl:variable name="harvested" as="xs:string"
                select="(normalize-space($harvested-at)[m:is-timestamp(.) and . castable as xs:dateTime],
                         format-dateTime(adjust-dateTime-to-timezone(current-dateTime(), xs:dayTimeDuration('PT0S')),
                                         '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01]Z'))[1]"/>

  <!-- m:is-timestamp: whether $s matches ^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$. What the pipeline passes,
       ASCII digits in that pattern, is recognised without the regular expression (run once per record,
       it would cost more than the rest of the global variables). -->
  <xsl:function name="m:is-timestamp" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="translate($s, '0123456789', '0000000000') eq '0000-00-00T00:00:00Z'
                          or matches($s, '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$')"/>
  </xsl:function>

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
    <xsl:variable name="leader" select="string(marc:leader)"/>
    <xsl:variable name="f001" select="normalize-space(marc:controlfield[@tag = '001'][1])"/>
    <xsl:variable name="f008" select="string(marc:controlfield[@tag = '008'][1])"/>
    <xsl:variable name="type" select="m:type($rec)"/>

    <!-- record id: the parameter, else source:001, cleaned to the RecordId pattern -->
    <xsl:variable name="id" as="xs:string?"
                  select="(m:record-id($record-id), m:record-id($src || ':' || $f001)[$f001 ne ''])[1]"/>
    <xsl:if test="empty($id)">
      <xsl:message terminate="yes" error-code="err:no-id">record has no id (record-id parameter empty and no 001)</xsl:message>
    </xsl:if>
    <!-- the local record number: 001, else the part of the hub id after the source -->
    <xsl:variable name="local-id" as="xs:string"
                  select="($f001[. ne ''], normalize-space(substring-after($id, ':'))[. ne ''], $id)[1]"/>

    <xsl:variable name="title" as="element()" select="m:title($rec)"/>

    <record id="{$id}" type="{$type}">
      <identifiers>
        <xsl:sequence select="m:identifiers($rec, $f001)"/>
      </identifiers>
      <xsl:sequence select="$title"/>
      <xsl:sequence select="m:variant-titles($rec, string($title/*:main))"/>
      <xsl:sequence select="m:series($rec)"/>
      <xsl:sequence select="m:contributors($rec)"/>
      <xsl:sequence select="m:publication($rec, $f008)"/>
      <xsl:for-each select="marc:datafield[@tag = '250'][1]">
        <xsl:variable name="v" select="f:trim-isbd(string-join(m:sf(., ('a', 'b')), ' '))"/>
        <xsl:if test="exists($v)">
          <edition><xsl:value-of select="$v"/></edition>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select="marc:datafield[@tag = '300'][1]">
        <xsl:variable name="v" select="f:trim-isbd(string-join(m:sf(., ('a', 'b', 'c')), ' '))"/>
        <xsl:if test="exists($v)">
          <extent><xsl:value-of select="$v"/></extent>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="$type eq 'article'">
        <xsl:sequence select="m:host($rec)"/>
      </xsl:if>
      <xsl:sequence select="m:languages($rec, $f008)"/>
      <xsl:sequence select="m:subjects($rec)"/>
      <xsl:sequence select="m:classifications($rec)"/>
      <discipline>unknown</discipline>
      <xsl:for-each select="(marc:datafield[@tag = '520']/marc:subfield[@code = 'a'][normalize-space() ne ''])[1]">
        <description><xsl:value-of select="normalize-space()"/></description>
      </xsl:for-each>
      <xsl:sequence select="m:holdings($rec, $type, $local-id)"/>
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

  <!-- m:sf: the non-blank values of the given subfields of $fields, in document order, without C1
       control characters (the non-sorting markers NSB/NSE some records carry around "The ").
       $fields is in document order (one field, or fields of the record as a path selects them), so
       the subfields are taken field by field, without sorting them into document order again. -->
  <xsl:function name="m:sf" as="xs:string*">
    <xsl:param name="fields" as="element()*"/>
    <xsl:param name="codes" as="xs:string*"/>
    <!-- translate, not replace: this runs on every subfield, and a regex costs ten times more. -->
    <xsl:sequence select="(for $f in $fields return $f/marc:subfield[@code = $codes]) ! translate(., '&#x80;&#x81;&#x82;&#x83;&#x84;&#x85;&#x86;&#x87;&#x88;&#x89;&#x8A;&#x8B;&#x8C;&#x8D;&#x8E;&#x8F;&#x90;&#x91;&#x92;&#x93;&#x94;&#x95;&#x96;&#x97;&#x98;&#x99;&#x9A;&#x9B;&#x9C;&#x9D;&#x9E;&#x9F;', '')[normalize-space() ne '']"/>
  </xsl:function>

  <!-- m:first: the first non-blank value of one subfield, ISBD punctuation trimmed. -->
  <xsl:function name="m:first" as="xs:string?">
    <xsl:param name="fields" as="element()*"/>
    <xsl:param name="code" as="xs:string"/>
    <xsl:sequence select="(for $v in m:sf($fields, $code) return f:trim-isbd($v))[1]"/>
  </xsl:function>

  <!-- m:trim-join: the values ISBD-trimmed one by one, joined with $separator, and the whole trimmed
       again (the punctuation between repeated subfields). A single value is trimmed once: trimming
       again would give the same string, f:trim-isbd stopping only where nothing is left to trim. -->
  <xsl:function name="m:trim-join" as="xs:string?">
    <xsl:param name="values" as="xs:string*"/>
    <xsl:param name="separator" as="xs:string"/>
    <xsl:variable name="trimmed" select="$values ! f:trim-isbd(.)"/>
    <xsl:sequence select="if (count($trimmed) le 1) then $trimmed else f:trim-isbd(string-join($trimmed, $separator))"/>
  </xsl:function>

  <!-- m:record-id: a string cleaned to the RecordId pattern [A-Za-z0-9][A-Za-z0-9._:\-]{0,255}. -->
  <xsl:function name="m:record-id" as="xs:string?">
    <xsl:param name="s" as="xs:string?"/>
    <!-- An id that already fits, as the pipeline passes it, is kept as it is without regular expressions. -->
    <xsl:variable name="c" select="
        if ($s ne '' and translate($s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-', '') eq ''
            and translate(substring($s, 1, 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', '') eq '')
        then $s
        else replace(replace(normalize-space($s), '[^A-Za-z0-9._:\-]+', '-'), '^[^A-Za-z0-9]+', '')"/>
    <xsl:sequence select="substring($c, 1, 256)[. ne '']"/>
  </xsl:function>

  <!-- m:dedup: the first of each group of elements with the same key (string value and the named
       attribute when given), in order. -->
  <xsl:function name="m:dedup" as="element()*">
    <xsl:param name="elements" as="element()*"/>
    <xsl:param name="attribute" as="xs:string?"/>
    <xsl:choose>
      <!-- most lists have one element or none: nothing to group -->
      <xsl:when test="count($elements) lt 2">
        <xsl:sequence select="$elements"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each-group select="$elements" group-by="lower-case(normalize-space(.)) || '|' || (if ($attribute) then string(@*[local-name() eq $attribute]) else '')">
          <xsl:sequence select="current-group()[1]"/>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ================================================================ type -->

  <!--
    Leader/06 (type of record) and 07 (bibliographic level). Only language material and manuscript
    text (a, t) are books, journals or articles; an unexpected bibliographic level of text is taken as
    a monograph. Electronic form: 008/23 (form of item, same position for books and continuing
    resources) o or s, a 007 for an electronic resource, or the AACR2 GMD "[electronic resource]".
  -->
  <xsl:function name="m:type" as="xs:string">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="leader" select="string($rec/marc:leader)"/>
    <xsl:variable name="l6" select="substring($leader, 7, 1)"/>
    <xsl:variable name="l7" select="substring($leader, 8, 1)"/>
    <xsl:variable name="electronic" as="xs:boolean"
                  select="substring($rec/marc:controlfield[@tag = '008'][1], 24, 1) = ('o', 's')
                          or (some $c in $rec/marc:controlfield[@tag = '007'] satisfies starts-with($c, 'c'))
                          or (some $h in $rec/marc:datafield[@tag = '245']/marc:subfield[@code = 'h'] satisfies contains(lower-case($h), 'electronic'))"/>
    <xsl:sequence select="
        if (not($l6 = ('a', 't'))) then 'other'
        else if ($l7 = ('s', 'i')) then (if ($electronic) then 'ejournal' else 'journal')
        else if ($l7 = ('a', 'b')) then 'article'
        else if ($electronic) then 'ebook'
        else 'book'"/>
  </xsl:function>

  <!-- ========================================================= identifiers -->

  <xsl:function name="m:identifiers" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:param name="f001" as="xs:string"/>
    <!-- ISBN: 020 $a valid or not, 020 $z always invalid; $q qualifiers joined -->
    <xsl:variable name="isbns" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = '020']">
        <!-- "(pbk. :" → "pbk.": the punctuation at either end stripped, with string functions (a
             regular expression, replace($v, '^[\s(:;,]+|[\s):;,]+$', ''), costs ten times more) -->
        <xsl:variable name="q" select="string-join(for $v in m:sf(., 'q') return fp:strip-end(fp:strip-start(normalize-space($v), ' &#9;&#10;&#13;(:;,'), ' &#9;&#10;&#13;):;,'), ' ; ')"/>
        <!-- $z: cancelled or invalid ISBN, always flagged invalid and kept as given (fp:isbn forced) -->
        <xsl:for-each select="marc:subfield[@code = ('a', 'z')]">
          <xsl:sequence select="if (@code eq 'a') then f:isbn(., $q) else fp:isbn(., $q, true())"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="m:dedup($isbns, ())"/>
    <!-- ISSN: 022 $a; $y (incorrect) and $z (cancelled) are kept as invalid -->
    <xsl:variable name="issns" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = '022']/marc:subfield[@code = ('a', 'y', 'z')][normalize-space() ne '']">
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
    <xsl:sequence select="m:dedup($issns, ())"/>
    <!-- OCLC number: 035 $a "(OCoLC)ocm00012345" → 12345 -->
    <xsl:variable name="oclcs" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = '035']/marc:subfield[@code = 'a'][starts-with(normalize-space(), '(OCoLC)')]">
        <!-- without the prefix (ocm, ocn, on), other non-digits and leading zeros; the usual value, digits
             after a prefix, without regular expressions -->
        <xsl:variable name="given" select="normalize-space(substring-after(., '(OCoLC)'))"/>
        <xsl:variable name="number" select="if (starts-with($given, 'ocm') or starts-with($given, 'ocn')) then substring($given, 4)
                                            else if (starts-with($given, 'on')) then substring($given, 3)
                                            else $given"/>
        <xsl:variable name="n" select="if (translate($number, '0123456789', '') eq '' and not(starts-with($number, '0'))) then $number
                                       else replace(replace($number, '[^0-9]', ''), '^0+', '')"/>
        <xsl:if test="$n ne ''">
          <oclc><xsl:value-of select="$n"/></oclc>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="m:dedup($oclcs, ())"/>
    <!-- LCCN: 010 $a without its blanks ("   85012345 " → "85012345") -->
    <xsl:for-each select="(m:sf($rec/marc:datafield[@tag = '010'], 'a'))[1]">
      <lccn><xsl:value-of select="replace(., '\s+', '')"/></lccn>
    </xsl:for-each>
    <!-- DOI: 024 7_ $2 doi, without resolver prefix -->
    <xsl:for-each select="(for $d in $rec/marc:datafield[@tag = '024'][@ind1 = '7'][lower-case(normalize-space(marc:subfield[@code = '2'][1])) eq 'doi']
                           return m:doi(m:sf($d, 'a')[1]))[1]">
      <doi><xsl:value-of select="."/></doi>
    </xsl:for-each>
    <xsl:if test="$f001 ne ''">
      <local source="{$src}"><xsl:value-of select="$f001"/></local>
    </xsl:if>
  </xsl:function>

  <xsl:function name="m:doi" as="xs:string?">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="d" select="normalize-space(replace(normalize-space($s), '^(https?://(dx\.)?doi\.org/|doi:\s*)', '', 'i'))"/>
    <xsl:sequence select="$d[. ne '']"/>
  </xsl:function>

  <!-- ================================================================ title -->

  <!--
    245 $a main, $b sub, $n partNumber, $p partName. Without 245 $a the main title falls back to 245 $k
    (form of an archival unit, the only "title" many manuscript records have), then to 245 $b when the
    245 has nothing else (the title proper entered in the wrong subfield), then 246, 240 and 130.
  -->
  <xsl:function name="m:title" as="element()">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="f245" select="$rec/marc:datafield[@tag = '245'][1]"/>
    <!-- a 245 with $b but neither $a nor $k: the $b is the title -->
    <xsl:variable name="from-b" as="xs:string?"
                  select="if (empty(m:sf($f245, ('a', 'k')))) then f:trim-isbd(string-join(m:sf($f245, 'b'), ' ')) else ()"/>
    <xsl:variable name="main" as="xs:string?" select="
        (m:first($f245, 'a'), m:first($f245, 'k'), $from-b,
         m:first($rec/marc:datafield[@tag = '246'], 'a'),
         m:first($rec/marc:datafield[@tag = '240'], 'a'),
         m:first($rec/marc:datafield[@tag = '130'], 'a'))[1]"/>
    <xsl:if test="empty($main)">
      <xsl:message terminate="yes" error-code="err:no-title">record has no title (no 245, 246, 240 or 130)</xsl:message>
    </xsl:if>
    <xsl:variable name="sub" select="if (exists($from-b)) then () else f:trim-isbd(string-join(m:sf($f245, 'b'), ' '))"/>
    <xsl:variable name="number" select="m:trim-join(m:sf($f245, 'n'), ', ')"/>
    <xsl:variable name="name" select="m:trim-join(m:sf($f245, 'p'), '. ')"/>
    <title>
      <main><xsl:value-of select="$main"/></main>
      <xsl:if test="exists($sub)"><sub><xsl:value-of select="$sub"/></sub></xsl:if>
      <xsl:if test="exists($number)"><partNumber><xsl:value-of select="$number"/></partNumber></xsl:if>
      <xsl:if test="exists($name)"><partName><xsl:value-of select="$name"/></partName></xsl:if>
    </title>
  </xsl:function>

  <!-- 130, 240, 246 ($a : $b), 730 and the vernacular 245 in an 880, other than the main title. -->
  <xsl:function name="m:variant-titles" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:param name="main" as="xs:string"/>
    <xsl:variable name="all" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = ('130', '240', '246', '730')
                                                or (@tag = '880' and starts-with(marc:subfield[@code = '6'][1], '245'))]">
        <xsl:variable name="a" select="m:first(., 'a')"/>
        <xsl:variable name="b" select="if (@tag = ('246', '880')) then f:trim-isbd(string-join(m:sf(., 'b'), ' ')) else ()"/>
        <xsl:if test="exists($a)">
          <variantTitle><xsl:value-of select="string-join(($a, $b), ' : ')"/></variantTitle>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="m:dedup($all[lower-case(.) ne lower-case($main)], ())"/>
  </xsl:function>

  <!-- =============================================================== series -->

  <!-- 440 (obsolete), 490 and 830: $a (+ $n $p of the uniform title) and $v; one per title. -->
  <xsl:function name="m:series" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="all" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = ('440', '490', '800', '810', '811', '830')]">
        <xsl:variable name="t" select="m:trim-join(m:sf(., if (@tag = ('800', '810', '811')) then 't' else 'a'), ' ; ')"/>
        <xsl:variable name="parts" select="for $v in m:sf(., ('n', 'p')) return f:trim-isbd($v)"/>
        <xsl:variable name="title" select="string-join(($t, $parts), '. ')"/>
        <xsl:variable name="volume" select="m:first(., 'v')"/>
        <xsl:variable name="issn" select="m:sf(., 'x')[1]"/>
        <xsl:if test="exists($t)">
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

  <xsl:function name="m:contributors" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:for-each select="$rec/marc:datafield[@tag = ('100', '110', '111')], $rec/marc:datafield[@tag = ('700', '710', '711')]">
      <xsl:variable name="person" select="ends-with(@tag, '00')"/>
      <xsl:variable name="name-codes" select="if ($person) then ('a', 'b', 'c', 'q') else if (ends-with(@tag, '10')) then ('a', 'b') else ('a', 'e')"/>
      <xsl:variable name="name" select="f:trim-isbd(string-join(m:sf(., $name-codes), ' '))"/>
      <xsl:variable name="dates" select="if ($person) then m:first(., 'd') else ()"/>
      <xsl:variable name="role" select="(for $v in m:sf(., '4') return f:relator($v),
                                         for $v in m:sf(., if (ends-with(@tag, '11')) then 'j' else 'e') return f:relator($v))[1]"/>
      <xsl:if test="exists($name)">
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
    264 _1 (RDA publication statement), else 260. Repeated $a/$b are joined with " ; " as ISBD does.
    The year is 008/07-10 (Date 1) when it is four digits, else the first year in $c.
  -->
  <xsl:function name="m:publication" as="element()?">
    <xsl:param name="rec" as="element()"/>
    <xsl:param name="f008" as="xs:string"/>
    <xsl:variable name="field" select="($rec/marc:datafield[@tag = '264'][@ind2 = '1'], $rec/marc:datafield[@tag = '260'])[1]"/>
    <xsl:variable name="place" select="m:trim-join(m:sf($field, 'a'), ' ; ')"/>
    <xsl:variable name="publisher" select="m:trim-join(m:sf($field, 'b'), ' ; ')"/>
    <xsl:variable name="date" select="f:trim-isbd(string-join(m:sf($field, 'c'), ' '))"/>
    <xsl:variable name="date1" select="substring($f008, 8, 4)"/>
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

  <!--
    773 with $t: title, $x ISSN; volume, issue and pages parsed from $g ("Vol. 12, no. 3 (2005),
    p. 45-67") or, failing that, from the $q enumeration ("12:3&lt;45").
  -->
  <xsl:function name="m:host" as="element()?">
    <xsl:param name="rec" as="element()"/>
    <xsl:for-each select="$rec/marc:datafield[@tag = '773'][exists(m:first(., 't'))][1]">
      <xsl:variable name="g" select="string-join(m:sf(., 'g'), ' ')"/>
      <xsl:variable name="q" select="normalize-space(m:sf(., 'q')[1])"/>
      <xsl:variable name="volume" select="(m:match($g, '(^|[^\p{L}])(v|vol|volume|bd|jahrg|t|tome)\.?\s*([0-9]+[A-Za-z]?)', 3),
                                           m:match($q, '^([0-9]+):', 1))[1]"/>
      <xsl:variable name="issue" select="(m:match($g, '(^|[^\p{L}])(no|nr|n|issue|iss|heft|h)\.?\s*([0-9]+([/\-][0-9]+)?)', 3),
                                          m:match($q, '^[0-9]+:([0-9]+)', 1))[1]"/>
      <xsl:variable name="pages" select="(m:match($g, '(^|[^\p{L}])(pp?|pages?|s)\.?\s*([0-9]+(\s*-\s*[0-9]+)?)', 3) ! replace(., '\s', ''),
                                          m:match($q, '&lt;([0-9]+)', 1))[1]"/>
      <isPartOf>
        <title><xsl:value-of select="m:first(., 't')"/></title>
        <xsl:for-each select="m:sf(., 'x')[1]"><issn><xsl:value-of select="normalize-space()"/></issn></xsl:for-each>
        <xsl:if test="exists($volume)"><volume><xsl:value-of select="$volume"/></volume></xsl:if>
        <xsl:if test="exists($issue)"><issue><xsl:value-of select="$issue"/></issue></xsl:if>
        <xsl:if test="exists($pages)"><pages><xsl:value-of select="$pages"/></pages></xsl:if>
      </isPartOf>
    </xsl:for-each>
  </xsl:function>

  <!-- m:match: group $group of the first case-insensitive match of $regex in $s, or (). -->
  <xsl:function name="m:match" as="xs:string?">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:param name="regex" as="xs:string"/>
    <xsl:param name="group" as="xs:integer"/>
    <xsl:variable name="r" as="xs:string*">
      <xsl:analyze-string select="string($s)" regex="{$regex}" flags="i">
        <xsl:matching-substring>
          <xsl:sequence select="regex-group($group)"/>
        </xsl:matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="$r[normalize-space() ne ''][1]"/>
  </xsl:function>

  <!-- ============================================================ languages -->

  <!-- 008/35-37, then every 041 $a; pre-1990s records run several codes together ("engfre"). -->
  <xsl:function name="m:languages" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:param name="f008" as="xs:string"/>
    <xsl:variable name="codes" as="xs:string*">
      <xsl:sequence select="f:lang(substring($f008, 36, 3))"/>
      <xsl:for-each select="m:sf($rec/marc:datafield[@tag = '041'], 'a')">
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
    6XX: the heading ($a, and $b $c $d $q $t of names, joined with spaces as catalogued), then the
    subdivisions $v $x $y $z in field order, joined with " - - " (two hyphens). Scheme from the second indicator.
    653 (uncontrolled index term): one keyword per $a.
  -->
  <xsl:function name="m:subjects" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="all" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = ('600', '610', '611', '630', '648', '650', '651', '653')]">
        <xsl:choose>
          <xsl:when test="@tag eq '653'">
            <xsl:for-each select="m:sf(., 'a') ! f:trim-isbd(.)">
              <subject scheme="keyword"><xsl:value-of select="."/></subject>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="head-codes" select="if (@tag = ('600', '610', '611', '630')) then ('a', 'b', 'c', 'd', 'q', 't', 'n', 'p') else ('a', 'b')"/>
            <xsl:variable name="head" select="f:trim-isbd(string-join(m:sf(., $head-codes), ' '))"/>
            <xsl:variable name="subdivisions" select="m:sf(., ('v', 'x', 'y', 'z')) ! f:trim-isbd(.)"/>
            <xsl:variable name="text" select="string-join(($head, $subdivisions), ' -- ')"/>
            <xsl:variable name="scheme" as="xs:string?" select="
                if (@ind2 = '7') then f:code(m:sf(., '2')[1])
                else $m:subject-schemes(string(@ind2))"/>
            <xsl:if test="$text ne ''">
              <subject>
                <xsl:if test="exists($scheme)"><xsl:attribute name="scheme" select="$scheme"/></xsl:if>
                <xsl:value-of select="$text"/>
              </subject>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="m:dedup($all, 'scheme')"/>
  </xsl:function>

  <!-- The thesaurus of a subject heading by its second indicator; a global variable, so that the map is
       built once and not for every heading. -->
  <xsl:variable name="m:subject-schemes" static="yes" as="map(xs:string, xs:string)"
                select="map { '0': 'lcsh', '1': 'lcshac', '2': 'mesh', '3': 'nal', '5': 'cash', '6': 'rvm' }"/>

  <!-- ====================================================== classifications -->

  <!--
    050/090 $a (+ $b item number) lcc; 082 $a ddc without the segmentation marks / and ';
    080 $a udc; 084 $a with the scheme from $2 (the Chinese Library Classification is "clc" whatever
    the source calls it: clc, clcn, ztflh), skipped without $2.
  -->
  <xsl:function name="m:classifications" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="all" as="element()*">
      <xsl:for-each select="$rec/marc:datafield[@tag = ('050', '080', '082', '084', '090')]">
        <xsl:variable name="tag" select="string(@tag)"/>
        <xsl:variable name="scheme" as="xs:string?" select="
            if ($tag = ('050', '090')) then 'lcc'
            else if ($tag eq '082') then 'ddc'
            else if ($tag eq '080') then 'udc'
            else m:scheme(m:sf(., '2')[1])"/>
        <xsl:variable name="b" select="normalize-space(m:sf(., 'b')[1])"/>
        <xsl:for-each select="m:sf(., 'a') ! normalize-space(.)">
          <xsl:variable name="value" select="
              if ($tag = ('050', '090')) then normalize-space(string-join((., if (position() eq 1) then $b else ()), ' '))
              else if ($tag eq '082') then replace(., '[/'']', '')
              else ."/>
          <xsl:if test="exists($scheme) and $value ne ''">
            <classification scheme="{$scheme}"><xsl:value-of select="$value"/></classification>
          </xsl:if>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="m:dedup($all, 'scheme')"/>
  </xsl:function>

  <!-- m:scheme: a classification $2 as a scheme code; the names of the Chinese Library
       Classification (中国图书馆分类法, "clc", "clcn", "ztflh", edition suffixes) become "clc". -->
  <xsl:function name="m:scheme" as="xs:string?">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="c" select="f:code($s)"/>
    <xsl:sequence select="if (matches(string($c), '^(clc|clcn|ztflh|cnlc)([\-.]?[0-9]+)?$') or normalize-space($s) = ('中图法', '中国图书馆分类法')) then 'clc' else $c"/>
  </xsl:function>

  <!-- ============================================================= holdings -->

  <!--
    One holding per configured local holdings field (e.g. CALIS 949: $a library, $b call number,
    $c local record number), else per 852 ($a library, $h + $i call number; coverage from the textual
    holdings 866 $a linked by $8, or the only 866 when there is a single 852), else one for the source
    (coverage from the first 866 $a).
    Electronic for ebooks, e-journals and articles with an 856; the URL is the first 856 $u, preferring
    the resource itself (second indicator 0 or 1).
  -->
  <xsl:function name="m:holdings" as="element()*">
    <xsl:param name="rec" as="element()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="local-id" as="xs:string"/>
    <xsl:variable name="urls" select="m:urls($rec)"/>
    <xsl:variable name="form" select="if ($type = ('ebook', 'ejournal') or ($type eq 'article' and exists($urls))) then 'electronic' else 'print'"/>
    <xsl:variable name="tag" select="normalize-space($holdings-field)"/>
    <xsl:variable name="local-fields" select="if ($tag ne '') then $rec/marc:datafield[@tag = $tag] else ()"/>
    <xsl:variable name="all" as="element()*">
      <xsl:choose>
        <xsl:when test="exists($local-fields)">
          <xsl:for-each select="$local-fields">
            <xsl:sequence select="m:holding((f:code(m:sf(., 'a')[1]), $src)[1],
                                            (normalize-space(m:sf(., 'c')[1])[. ne ''], $local-id)[1],
                                            normalize-space(m:sf(., 'b')[1]), $form, $urls[1], ())"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="exists($rec/marc:datafield[@tag = '852'])">
          <xsl:variable name="single" select="count($rec/marc:datafield[@tag = '852']) eq 1"/>
          <xsl:for-each select="$rec/marc:datafield[@tag = '852']">
            <!-- coverage: the 866 linked by $8, or the first 866 when there is one 852 -->
            <xsl:variable name="link" select="substring-before(normalize-space(m:sf(., '8')[1]) || '.', '.')"/>
            <xsl:variable name="f866" select="$rec/marc:datafield[@tag = '866']"/>
            <xsl:variable name="coverage" select="(if ($link ne '') then m:sf($f866[substring-before(normalize-space(m:sf(., '8')[1]) || '.', '.') eq $link], 'a') else (),
                                                   if ($single) then m:sf($f866, 'a') else ())[1]"/>
            <xsl:sequence select="m:holding((f:code(m:sf(., 'a')[1]), $src)[1], $local-id,
                                            normalize-space(string-join(m:sf(., ('h', 'i')), ' ')), $form, $urls[1], $coverage)"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="m:holding($src, $local-id, (), $form, $urls[1], m:sf($rec/marc:datafield[@tag = '866'], 'a')[1])"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- one holding per library and local id; usually there is one holding and nothing to group -->
    <xsl:choose>
      <xsl:when test="count($all) lt 2">
        <xsl:sequence select="$all"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each-group select="$all" group-by="@library || '|' || @localId">
          <xsl:sequence select="current-group()[1]"/>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="m:holding" as="element()">
    <xsl:param name="library" as="xs:string"/>
    <xsl:param name="local-id" as="xs:string"/>
    <xsl:param name="call-number" as="xs:string?"/>
    <xsl:param name="form" as="xs:string"/>
    <xsl:param name="url" as="xs:string?"/>
    <xsl:param name="coverage" as="xs:string?"/>
    <holding library="{$library}" localId="{$local-id}" form="{$form}">
      <xsl:if test="normalize-space($call-number) ne ''"><callNumber><xsl:value-of select="normalize-space($call-number)"/></callNumber></xsl:if>
      <xsl:if test="$form eq 'electronic' and exists($url)"><url><xsl:value-of select="$url"/></url></xsl:if>
      <xsl:if test="normalize-space($coverage) ne ''"><coverage><xsl:value-of select="normalize-space($coverage)"/></coverage></xsl:if>
    </holding>
  </xsl:function>

  <!-- m:urls: the 856 $u values, those with second indicator 0 (resource) or 1 (version) first,
       spaces and non-ASCII characters percent-encoded so that they are valid xs:anyURI values. -->
  <xsl:function name="m:urls" as="xs:string*">
    <xsl:param name="rec" as="element()"/>
    <xsl:variable name="f856" select="$rec/marc:datafield[@tag = '856']"/>
    <xsl:sequence select="(m:sf($f856[@ind2 = ('0', '1')], 'u'), m:sf($f856[not(@ind2 = ('0', '1'))], 'u')) ! iri-to-uri(normalize-space(.))"/>
  </xsl:function>

</xsl:stylesheet>
