<?xml version="1.0" encoding="UTF-8"?>
<!--
  jats-to-cashl: a journal article's front matter in JATS (NISO Z39.96, JATS 1.0 to 1.3) or in the
  NLM DTDs before it (2.3, 3.0), as publishers, PubMed Central (pmc_fm) and OJS send it, to a
  canonical CASHL record of type article.

  Input: one document whose root is article (no namespace, or a JATS namespace some OAI-PMH
  providers use); only front/journal-meta and front/article-meta are read, never the body.

  Parameters (all strings, always passed, possibly empty): source, record-id, harvested-at, crosswalk,
  source-identifier, source-datestamp.

  Mapping:
  - title: article-title (markup such as italic flattened to its text), subtitle; each
    trans-title-group's title (and trans-subtitle, after " : ") as a variant title of type translated
    with its language (the xml:lang of the trans-title or its group, as an ISO 639-2/B code).
  - contributors: contrib[@contrib-type='author'] (a name as "Surname, Given names", a collab as an
    organisation), then editors; the order of the article. Each with its ORCID iD (contrib-id of type
    orcid, or uri content-type="orcid", without the resolver) and its affiliations: the aff elements
    its xref ref-type="aff" points to (rid may name several), the aff inside the contrib; without
    either, the aff elements of its contrib-group that no xref points to; and when the article links
    no aff at all, the aff elements of article-meta, which then belong to every author. An
    affiliation is the aff's text without its label, e-mail and institution ids.
  - identifiers: the DOI (lower-cased prefix kept as written), the PMID as an OCLC-like local number
    is not a CASHL identifier and stays out.
  - publication: the publisher; the year and date of the print issue, else of the electronic
    publication, else any pub-date.
  - isPartOf: journal title (journal-title-group/journal-title, or journal-title in NLM 2.3); issn the
    print ISSN (pub-type ppub as NLM tags it, publication-format print as JATS 1.1+ does), else an
    ISSN that is not said to be the online one; eissn the online ISSN (pub-type epub,
    publication-format electronic or online); issnL the issn-l; volume, issue, pages as fpage-lpage
    (or the elocation-id).
  - language: article/@xml:lang; subjects: every kwd as a keyword, subject headings of the
    article-categories as well; description: the first abstract that is not a teaser, table-of-
    contents or executive summary, with its language (its own xml:lang, else the article's).
  - licence: the license's xlink:href, else an ali:license_ref, else a Creative Commons link in the
    license text, else the license text itself (copyright statements are not licences).
  - an article published under an open licence (license/@license-type open-access, a Creative
    Commons licence or public-domain tool, or a license text naming Creative Commons) is held online
    by the source: an electronic, open-access holding at its DOI.

  A record without an article-title cannot be a CASHL record: the transformation stops with error
  code cashl:no-title.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:f="https://ns.cashl.edu.cn/xslt/functions"
                xmlns:local="https://ns.cashl.edu.cn/xslt/jats-to-cashl"
                xmlns:cashl="https://ns.cashl.edu.cn/record/v1"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:ali="http://www.niso.org/schemas/ali/1.0/"
                xmlns="https://ns.cashl.edu.cn/record/v1"
                exclude-result-prefixes="#all"
                expand-text="yes">

  <xsl:import href="lib/functions.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="source" as="xs:string" select="''"/>
  <xsl:param name="record-id" as="xs:string" select="''"/>
  <xsl:param name="harvested-at" as="xs:string" select="''"/>
  <xsl:param name="crosswalk" as="xs:string" select="''"/>
  <xsl:param name="source-identifier" as="xs:string" select="''"/>
  <xsl:param name="source-datestamp" as="xs:string" select="''"/>

  <xsl:variable name="src" as="xs:string?" select="f:code($source)"/>

  <xsl:variable name="id" as="xs:string">
    <xsl:variable name="clean" select="replace(replace(normalize-space($record-id), '[^A-Za-z0-9._:\-]', '_'), '^[._:\-]+', '')"/>
    <xsl:sequence select="if ($clean) then substring($clean, 1, 256) else 'unidentified'"/>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:variable name="article" select="(//*:article[*:front])[1]"/>
    <xsl:if test="empty($article)">
      <xsl:message terminate="yes" error-code="cashl:no-title">not a JATS article: no article with front matter</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$article"/>
  </xsl:template>

  <xsl:template match="*:article">
    <xsl:variable name="journal" select="*:front/*:journal-meta"/>
    <xsl:variable name="meta" select="*:front/*:article-meta"/>
    <xsl:variable name="title" select="local:text($meta/*:title-group/*:article-title)"/>
    <xsl:if test="not($title)">
      <xsl:message terminate="yes" error-code="cashl:no-title">the article has no article-title</xsl:message>
    </xsl:if>
    <xsl:variable name="doi" select="normalize-space(($meta/*:article-id[@pub-id-type = 'doi'])[1])"/>
    <xsl:variable name="date" select="local:pub-date($meta)"/>
    <xsl:variable name="year" select="f:year(string($date/*:year))"/>
    <record id="{$id}" type="article" schemaVersion="1.2">
      <identifiers>
        <xsl:if test="$doi">
          <doi>{$doi}</doi>
        </xsl:if>
        <xsl:if test="$src and normalize-space($source-identifier)">
          <local source="{$src}">{normalize-space($source-identifier)}</local>
        </xsl:if>
      </identifiers>
      <title>
        <main>{$title}</main>
        <xsl:variable name="sub" select="local:text($meta/*:title-group/*:subtitle[1])"/>
        <xsl:if test="$sub">
          <sub>{$sub}</sub>
        </xsl:if>
      </title>
      <xsl:call-template name="translated-titles">
        <xsl:with-param name="title-group" select="$meta/*:title-group"/>
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
      <xsl:apply-templates select="$meta/*:contrib-group/*:contrib[@contrib-type = 'author'],
                                   $meta/*:contrib-group/*:contrib[@contrib-type = 'editor']"/>
      <xsl:variable name="publisher" select="local:text(($journal/*:publisher/*:publisher-name)[1])"/>
      <xsl:if test="$publisher or $year">
        <publication>
          <xsl:if test="$publisher">
            <publisher>{$publisher}</publisher>
          </xsl:if>
          <xsl:if test="$year">
            <year>{$year}</year>
            <xsl:variable name="month" select="number($date/*:month)"/>
            <xsl:variable name="day" select="number($date/*:day)"/>
            <xsl:if test="$month ge 1 and $month le 12">
              <date>{$year}-{format-number($month, '00')}<xsl:if test="$day ge 1 and $day le 31">-{format-number($day, '00')}</xsl:if></date>
            </xsl:if>
          </xsl:if>
        </publication>
      </xsl:if>
      <xsl:variable name="journal-title" select="local:text(($journal/*:journal-title-group/*:journal-title, $journal/*:journal-title)[1])"/>
      <xsl:if test="$journal-title">
        <isPartOf>
          <title>{$journal-title}</title>
          <xsl:variable name="online" select="($journal/*:issn[@pub-type = 'epub' or @publication-format = ('electronic', 'online')][normalize-space()])[1]"/>
          <xsl:variable name="print" select="($journal/*:issn[@pub-type = 'ppub' or @publication-format = 'print'][normalize-space()],
                                              $journal/*:issn[normalize-space()][not(. is $online)])[1]"/>
          <xsl:for-each select="f:issn-string($print)">
            <issn>{.}</issn>
          </xsl:for-each>
          <xsl:for-each select="f:issn-string($online)">
            <eissn>{.}</eissn>
          </xsl:for-each>
          <xsl:for-each select="f:issn-string(($journal/*:issn-l)[1])">
            <issnL>{.}</issnL>
          </xsl:for-each>
          <xsl:sequence select="local:element('volume', $meta/*:volume[1])"/>
          <xsl:sequence select="local:element('issue', $meta/*:issue[1])"/>
          <xsl:variable name="first" select="normalize-space($meta/*:fpage[1])"/>
          <xsl:variable name="last" select="normalize-space($meta/*:lpage[1])"/>
          <xsl:variable name="pages" select="if ($first and $last and $first ne $last) then $first || '-' || $last
                                             else if ($first) then $first
                                             else normalize-space($meta/*:elocation-id[1])"/>
          <xsl:if test="$pages">
            <pages>{$pages}</pages>
          </xsl:if>
        </isPartOf>
      </xsl:if>
      <xsl:variable name="language" select="f:lang(string(@xml:lang))"/>
      <xsl:if test="$language">
        <language>{$language}</language>
      </xsl:if>
      <xsl:for-each select="distinct-values(($meta/*:kwd-group/*:kwd,
                                             $meta/*:article-categories//*:subj-group[not(@subj-group-type = ('heading', 'display-channel'))]/*:subject)
                                            ! local:text(.))[.]">
        <subject scheme="keyword">{.}</subject>
      </xsl:for-each>
      <discipline>unknown</discipline>
      <xsl:variable name="chosen" select="($meta/*:abstract[not(@abstract-type = ('teaser', 'executive-summary', 'toc'))], $meta/*:abstract)[1]"/>
      <xsl:variable name="abstract" select="local:abstract($chosen)"/>
      <xsl:if test="$abstract">
        <description>
          <xsl:for-each select="f:lang(string(($chosen/@xml:lang, @xml:lang)[1]))">
            <xsl:attribute name="language" select="."/>
          </xsl:for-each>
          <xsl:value-of select="$abstract"/>
        </description>
      </xsl:if>
      <xsl:variable name="permissions" select="$meta/*:permissions[1]"/>
      <xsl:variable name="licence-url" select="normalize-space(($permissions/*:license/@xlink:href,
                                                                $permissions//*:license_ref[not(@specific-use) or @specific-use = 'vor'],
                                                                $permissions//*:license_ref,
                                                                $permissions/*:license//(*:ext-link | *:uri)/@xlink:href[f:is-open-licence(.)])
                                                               [normalize-space()][1])"/>
      <xsl:variable name="statement" select="normalize-space(string-join(($permissions/*:license)[1]/*:license-p ! local:text(.), ' '))"/>
      <xsl:variable name="licence" select="if ($licence-url) then $licence-url else $statement"/>
      <xsl:if test="$licence">
        <licence>{$licence}</licence>
      </xsl:if>
      <xsl:if test="$src and $doi and ($permissions/*:license/@license-type = ('open-access', 'open_access', 'openaccess')
                    or f:is-open-licence($licence-url)
                    or matches($statement, 'creative\s*commons', 'i'))">
        <holding library="{$src}" localId="{$doi}" form="electronic" access="openAccess">
          <url>https://doi.org/{$doi}</url>
        </holding>
      </xsl:if>
      <xsl:call-template name="provenance"/>
    </record>
  </xsl:template>

  <!-- Each trans-title-group (or, in NLM 2.3, each trans-title of the title-group) as a translated title. -->
  <xsl:template name="translated-titles">
    <xsl:param name="title-group" as="element()*"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="titles" as="element()*">
      <xsl:for-each select="$title-group/*:trans-title-group, $title-group/*:trans-title">
        <xsl:variable name="main" select="local:text(if (self::*:trans-title) then . else *:trans-title[1])"/>
        <xsl:variable name="sub" select="local:text(if (self::*:trans-title) then following-sibling::*[1][self::*:trans-subtitle] else *:trans-subtitle[1])"/>
        <xsl:variable name="language" select="f:lang(string((if (self::*:trans-title) then @xml:lang else (*:trans-title[1]/@xml:lang, @xml:lang))[1]))"/>
        <xsl:if test="$main and $main ne $title">
          <variantTitle type="translated">
            <xsl:if test="$language">
              <xsl:attribute name="language" select="$language"/>
            </xsl:if>
            <xsl:value-of select="if ($sub) then $main || ' : ' || $sub else $main"/>
          </variantTitle>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each-group select="$titles" group-by="string(.)">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:template>

  <!-- A person as "Surname, Given names" (name or string-name); a collab as an organisation. -->
  <xsl:template match="*:contrib">
    <xsl:variable name="name" select="(*:name, *:name-alternatives/*:name, *:string-name)[1]"/>
    <xsl:variable name="role" select="if (@contrib-type = 'editor') then 'edt' else 'aut'"/>
    <xsl:variable name="collab" select="local:text-of(*:collab[1], 'contrib-group')"/>
    <xsl:variable name="person" select="if ($name/*:surname)
                                        then local:text($name/*:surname[1]) || (local:text($name/*:given-names[1])[.] ! (', ' || .))
                                        else local:text($name)"/>
    <xsl:if test="$person or $collab">
      <contributor kind="{if ($person) then 'person' else 'organisation'}" role="{$role}">
        <name>{if ($person) then $person else $collab}</name>
        <xsl:if test="$person">
          <xsl:for-each select="(*:contrib-id[lower-case(@contrib-id-type) = 'orcid'], *:uri[lower-case(@content-type) = 'orcid'])
                                ! f:orcid(string(.))">
            <xsl:if test="position() = 1">
              <orcid>{.}</orcid>
            </xsl:if>
          </xsl:for-each>
        </xsl:if>
        <xsl:for-each select="distinct-values(local:affiliations(.) ! local:affiliation(.))[.]">
          <affiliation>{.}</affiliation>
        </xsl:for-each>
      </contributor>
    </xsl:if>
  </xsl:template>

  <!--
    The aff elements (or aff-alternatives) a contributor belongs to: those its xrefs point to and its
    own; without either, its contrib-group's unlinked ones; and when the article links no aff at all,
    those of article-meta.
  -->
  <xsl:function name="local:affiliations" as="element()*">
    <xsl:param name="contrib" as="element()"/>
    <xsl:variable name="meta" select="$contrib/ancestor::*:article-meta[1]"/>
    <xsl:variable name="linked-ids" select="$meta//*:contrib/*:xref[@ref-type = 'aff']/tokenize(@rid)"/>
    <xsl:variable name="rids" select="$contrib/*:xref[@ref-type = 'aff']/tokenize(@rid)"/>
    <xsl:variable name="own" select="$meta//(*:aff | *:aff-alternatives)[@id = $rids] | $contrib/(*:aff | *:aff-alternatives)"/>
    <xsl:variable name="group" select="$contrib/../(*:aff | *:aff-alternatives)[not(@id = $linked-ids)]"/>
    <xsl:sequence select="if (exists($own)) then $own
                          else if (exists($group)) then $group
                          else if (empty($linked-ids)) then $meta/(*:aff | *:aff-alternatives)
                          else ()"/>
  </xsl:function>

  <!-- An affiliation as text: the aff (the first of aff-alternatives) without label, e-mail and institution ids. -->
  <xsl:function name="local:affiliation" as="xs:string">
    <xsl:param name="aff" as="element()"/>
    <xsl:variable name="text" select="local:text-of(($aff[self::*:aff], $aff/*:aff)[1], ('email', 'institution-id', 'ext-link', 'uri'))"/>
    <xsl:sequence select="replace(replace($text, '\s+([,;])', '$1'), '^[\s,;:.]+|[\s,;:]+$', '')"/>
  </xsl:function>

  <!-- The date of the print issue, else of the electronic publication, else the first pub-date. -->
  <xsl:function name="local:pub-date" as="element()?">
    <xsl:param name="meta" as="element()?"/>
    <xsl:sequence select="($meta/*:pub-date[@pub-type = ('ppub', 'collection') or @date-type = ('pub', 'collection') and @publication-format = 'print'],
                           $meta/*:pub-date[@pub-type = ('epub', 'epub-ppub') or @publication-format = 'electronic'],
                           $meta/*:pub-date)[*:year][1]"/>
  </xsl:function>

  <!-- An element's text with its markup flattened and white space normalised; empty for none. -->
  <xsl:function name="local:text" as="xs:string">
    <xsl:param name="element" as="element()?"/>
    <xsl:sequence select="normalize-space(string-join($element//text()[not(ancestor::*:xref or ancestor::*:fn or ancestor::*:label)], ''))"/>
  </xsl:function>

  <!-- Like local:text, leaving out the elements of the given names as well (a collab's members, an aff's e-mail). -->
  <xsl:function name="local:text-of" as="xs:string">
    <xsl:param name="element" as="element()?"/>
    <xsl:param name="left-out" as="xs:string*"/>
    <xsl:sequence select="normalize-space(string-join($element//text()[not(ancestor::*[local-name() = ('xref', 'fn', 'label', $left-out)]
                                                                             [. >> $element])], ''))"/>
  </xsl:function>

  <!--
    An abstract's paragraphs, its headings ("Abstract", "Background") and labels left out; the
    brackets its citations leave behind once their xrefs are gone ("( ; )") removed as well.
  -->
  <xsl:function name="local:abstract" as="xs:string">
    <xsl:param name="abstract" as="element()?"/>
    <xsl:variable name="text" select="normalize-space(string-join($abstract//*:p ! local:text(.), ' '))"/>
    <xsl:sequence select="normalize-space(replace($text, '\s*[(\[][\s,;\-–]*[)\]]', ''))"/>
  </xsl:function>

  <xsl:function name="local:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="element()?"/>
    <xsl:variable name="text" select="local:text($value)"/>
    <xsl:if test="$text">
      <xsl:element name="{$name}" namespace="https://ns.cashl.edu.cn/record/v1">{$text}</xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- One provenance entry, only when the parameters make a valid one. -->
  <xsl:template name="provenance">
    <xsl:variable name="identifier" select="normalize-space(if (normalize-space($source-identifier)) then $source-identifier else $record-id)"/>
    <xsl:if test="$src and $identifier
                  and matches($harvested-at, '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$') and $harvested-at castable as xs:dateTime
                  and matches($crosswalk, '^[a-z0-9][a-z0-9_\-]*@[0-9]+$')">
      <provenance source="{$src}" sourceIdentifier="{$identifier}">
        <xsl:if test="matches($source-datestamp, '^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$')">
          <xsl:attribute name="sourceDatestamp" select="$source-datestamp"/>
        </xsl:if>
        <xsl:attribute name="harvestedAt" select="$harvested-at"/>
        <xsl:attribute name="crosswalk" select="$crosswalk"/>
      </provenance>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
