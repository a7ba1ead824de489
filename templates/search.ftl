<#ftl output_format="HTML">
<#-- The search page: the form works as a plain GET (?q=); js/search.js reads the static index in
     search/ and shows results as you type. Results are built with textContent, never HTML. -->
<#include "_layout.ftl">
<@page title=t.search root=root bodyClass="search-page" connectTo=origin>
<h1>${t.search}</h1>
<form id="search-form" class="search-form" action="search.html" method="get" role="search">
<label for="search-q">${t.searchLabel}</label>
<input id="search-q" name="q" type="search" maxlength="1000" autocomplete="off" spellcheck="false">
<button type="submit">${t.search}</button>
</form>
<p class="search-help">${t.searchHelp}</p>
<div id="search-facets" class="search-facets"></div>
<p id="search-status" class="search-status" role="status" aria-live="polite">${t.searchNoScript}</p>
<ol id="search-results" class="search-results"></ol>
<#if endpoint?has_content><script src="${root}js/search-opensearch.js" defer></script>
</#if><script src="${root}js/search.js" data-index="${root}search/" data-lang="${site.lang}" data-facets-at-once="${facetsAtOnce?c}"<#if endpoint?has_content> data-opensearch="${endpoint}"</#if> defer></script>
</@page>
