</main>
<footer>Baked by stock JBake.</footer>
</body>
</html>
