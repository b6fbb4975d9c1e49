"""The verb and noun of an instruction in Spanish, Portuguese, French, Italian, German, Dutch or Russian.

As in English, the verb is the one that leads the request, after a "please", a "can you" or an
introduction ("Dado el siguiente texto, enumera ..."; in Russian, a polite imperative after whatever
the sentence starts with: "Кратко изложите ..."), given as its infinitive (a German or Dutch
separable verb with its particle: "Fasse ... zusammen" is ``zusammenfassen``); the noun is the head
of its object, in the singular ("Genera una lista de cinco frutas" gives ``generar``/``lista``).
A question gets neither, and a clause for an object no noun ("Explica cómo ...").

Verbs come from tables of the forms that lead instructions (imperatives and infinitives of about a
hundred verbs a language); a form two languages share (``crea``, Spanish and Italian) goes to the
language whose short words the instruction holds more of.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import NamedTuple

# An infinitive, then the forms that lead instructions with it (imperatives; the infinitive itself leads too), and so on.
_SPANISH = """
escribir escribe escriba, generar genera genere, crear crea cree, describir describe describa, explicar explica
explique, dar da dé, hacer haz haga, nombrar nombra nombre, enumerar enumera enumere, listar lista liste, identificar
identifica identifique, encontrar encuentra encuentre, clasificar clasifica clasifique, reescribir reescribe reescriba,
editar edita edite, resumir resume resuma, sugerir sugiere sugiera, proporcionar proporciona proporcione, componer
compón componga, diseñar diseña diseñe, construir construye construya, traducir traduce traduzca, convertir convierte
convierta, calcular calcula calcule, comparar compara compare, contrastar contrasta contraste, limpiar limpia limpie,
transcribir transcribe transcriba, elegir elige elija, seleccionar selecciona seleccione, escoger escoge escoja, decir
di diga, contar cuenta cuente, responder responde responda, contestar contesta conteste, analizar analiza analice,
predecir predice prediga, determinar determina determine, evaluar evalúa evalúe, desarrollar desarrolla desarrolle,
esbozar esboza esboce, añadir añade añada, agregar agrega agregue, ordenar ordena ordene, organizar organiza organice,
cambiar cambia cambie, completar completa complete, categorizar categoriza categorice, formular formula formule,
inventar inventa invente, parafrasear parafrasea parafrasee, producir produce produzca, recomendar recomienda
recomiende, reemplazar reemplaza reemplace, sustituir sustituye sustituya, transformar transforma transforme, usar usa
use, utilizar utiliza utilice, definir define defina, detectar detecta detecte, discutir discute discuta, estimar estima
estime, rellenar rellena rellene, imaginar imagina imagine, insertar inserta inserte, proponer propón proponga,
calificar califica califique, leer lee lea, corregir corrige corrija, mejorar mejora mejore, eliminar elimina elimine,
extraer extrae extraiga, resolver resuelve resuelva, buscar busca busque, mostrar muestra muestre, enseñar enseña
enseñe, preparar prepara prepare, presentar presenta presente, redactar redacta redacte, simplificar simplifica
simplifique, verificar verifica verifique, comprobar comprueba compruebe, indicar indica indique, mencionar menciona
mencione, citar cita cite, combinar combina combine, dividir divide divida, ampliar amplía amplíe, adivinar adivina
adivine, resaltar resalta resalte, etiquetar etiqueta etiquete, modificar modifica modifique, ofrecer ofrece ofrezca,
planificar planifica planifique, investigar investiga investigue, demostrar demuestra demuestre, poner pon ponga,
reordenar reordena reordene, acortar acorta acorte, separar separa separe, tomar toma tome, pensar piensa piense,
elaborar elabora elabore, reformular reformula reformule, revisar revisa revise, expresar expresa exprese, interpretar
interpreta interprete, ilustrar ilustra ilustre, dibujar dibuja dibuje, asignar asigna asigne, agrupar agrupa agrupe,
implementar implementa implemente, optimizar optimiza optimice, aplicar aplica aplique, sumar suma sume, multiplicar
multiplica multiplique, invertir invierte invierta, justificar justifica justifique, recopilar recopila recopile,
brindar brinda brinde, convencer convence convenza, felicitar felicita felicite, saludar saluda salude, ayudar ayuda
ayude, terminar termina termine, acabar acaba acabe, formatear formatea formatee, distinguir distingue distinga, diferenciar diferencia diferencie,
suponer supón suponga
"""
_PORTUGUESE = """
escrever escreva escreve, gerar gere gera, criar crie cria, descrever descreva descreve, explicar explique explica, dar
dê dá, fazer faça faz, nomear nomeie nomeia, enumerar enumere enumera, listar liste lista, identificar identifique
identifica, encontrar encontre encontra, classificar classifique classifica, reescrever reescreva reescreve, editar
edite edita, resumir resuma resume, sugerir sugira sugere, fornecer forneça fornece, compor componha compõe, projetar
projete projeta, construir construa constrói, traduzir traduza traduz, converter converta converte, calcular calcule
calcula, comparar compare compara, contrastar contraste contrasta, digitar digite digita, montar monte monta, escolher
escolha escolhe, selecionar selecione seleciona, dizer diga diz, contar conte conta, responder responda responde,
analisar analise analisa, prever preveja prevê, determinar determine determina, avaliar avalie avalia, desenvolver
desenvolva desenvolve, esboçar esboce esboça, adicionar adicione adiciona, acrescentar acrescente acrescenta, ordenar
ordene ordena, organizar organize organiza, mudar mude muda, alterar altere altera, completar complete completa,
categorizar categorize categoriza, formular formule formula, inventar invente inventa, parafrasear parafraseie
parafraseia, produzir produza produz, recomendar recomende recomenda, substituir substitua substitui, transformar
transforme transforma, usar use usa, utilizar utilize utiliza, definir defina define, detectar detecte detecta, discutir
discuta discute, estimar estime estima, preencher preencha preenche, imaginar imagine imagina, inserir insira insere,
propor proponha propõe, ler leia lê, corrigir corrija corrige, melhorar melhore melhora, eliminar elimine elimina,
remover remova remove, extrair extraia extrai, resolver resolva resolve, buscar busque busca, procurar procure procura,
mostrar mostre mostra, ensinar ensine ensina, preparar prepare prepara, apresentar apresente apresenta, redigir redija
redige, simplificar simplifique simplifica, verificar verifique verifica, indicar indique indica, mencionar mencione
menciona, citar cite cita, informar informe informa, combinar combine combina, dividir divida divide, adivinhar adivinhe
adivinha, destacar destaque destaca, rotular rotule rotula, modificar modifique modifica, oferecer ofereça oferece,
planejar planeje planeja, pesquisar pesquise pesquisa, demonstrar demonstre demonstra, colocar coloque coloca, reordenar
reordene reordena, encurtar encurte encurta, separar separe separa, pegar pegue pega, pensar pense pensa, elaborar
elabore elabora, reformular reformule reformula, revisar revise revisa, expressar expresse expressa, interpretar
interprete interpreta, ilustrar ilustre ilustra, desenhar desenhe desenha, atribuir atribua atribui, agrupar agrupe
agrupa, implementar implemente implementa, otimizar otimize otimiza, aplicar aplique aplica, somar some soma,
multiplicar multiplique multiplica, inverter inverta inverte, justificar justifique justifica, convencer convença
convence, parabenizar parabenize parabeniza, cumprimentar cumprimente cumprimenta, ajudar ajude ajuda, terminar termine
termina, associar associe associa, formatar formate formata, registrar registre registra, distinguir distinga distingue, diferenciar diferencie diferencia, supor suponha
supõe, reunir reúna reúne
"""
_FRENCH = """
écrire écrivez écris, générer générez génère, créer créez crée, décrire décrivez décris, expliquer expliquez explique,
donner donnez donne, faire faites fais, nommer nommez nomme, lister listez liste, énumérer énumérez énumère, identifier
identifiez identifie, trouver trouvez trouve, classer classez classe, classifier classifiez classifie, réécrire
réécrivez réécris, modifier modifiez modifie, éditer éditez édite, résumer résumez résume, suggérer suggérez suggère,
proposer proposez propose, fournir fournissez fournis, composer composez compose, concevoir concevez conçois, construire
construisez construis, traduire traduisez traduis, convertir convertissez convertis, calculer calculez calcule, comparer
comparez compare, contraster contrastez contraste, choisir choisissez choisis, sélectionner sélectionnez sélectionne,
dire dites dis, raconter racontez raconte, répondre répondez réponds, analyser analysez analyse, prédire prédisez
prédis, déterminer déterminez détermine, évaluer évaluez évalue, développer développez développe, esquisser esquissez
esquisse, ajouter ajoutez ajoute, ordonner ordonnez ordonne, trier triez trie, organiser organisez organise, changer
changez change, compléter complétez complète, catégoriser catégorisez catégorise, formuler formulez formule, inventer
inventez invente, paraphraser paraphrasez paraphrase, produire produisez produis, recommander recommandez recommande,
remplacer remplacez remplace, transformer transformez transforme, utiliser utilisez utilise, employer employez emploie,
définir définissez définis, détecter détectez détecte, discuter discutez discute, estimer estimez estime, remplir
remplissez remplis, imaginer imaginez imagine, insérer insérez insère, lire lisez lis, corriger corrigez corrige,
améliorer améliorez améliore, supprimer supprimez supprime, extraire extrayez extrais, résoudre résolvez résous,
chercher cherchez cherche, rechercher recherchez recherche, montrer montrez montre, enseigner enseignez enseigne,
préparer préparez prépare, présenter présentez présente, rédiger rédigez rédige, simplifier simplifiez simplifie,
vérifier vérifiez vérifie, indiquer indiquez indique, mentionner mentionnez mentionne, citer citez cite, combiner
combinez combine, diviser divisez divise, deviner devinez devine, souligner soulignez souligne, étiqueter étiquetez
étiquette, offrir offrez offre, planifier planifiez planifie, démontrer démontrez démontre, mettre mettez mets, remettre
remettez remets, réorganiser réorganisez réorganise, raccourcir raccourcissez raccourcis, séparer séparez sépare,
prendre prenez prends, penser pensez pense, élaborer élaborez élabore, reformuler reformulez reformule, réviser révisez
révise, exprimer exprimez exprime, interpréter interprétez interprète, illustrer illustrez illustre, dessiner dessinez
dessine, attribuer attribuez attribue, regrouper regroupez regroupe, implémenter implémentez implémente, optimiser
optimisez optimise, appliquer appliquez applique, noter notez note, documenter documentez documente, compiler compilez
compile, déduire déduisez déduis, justifier justifiez justifie, associer associez associe, relier reliez relie, décider
décidez décide, énoncer énoncez énonce, établir établissez établis, dresser dressez dresse, additionner additionnez
additionne, multiplier multipliez multiplie, féliciter félicitez félicite, saluer saluez salue, aider aidez, terminer
terminez, finir finissez, formater formatez, distinguer distinguez distingue, différencier différenciez différencie, supposer supposez
"""
_ITALIAN = """
scrivere scrivi scriva, generare genera generi, creare crea crei, descrivere descrivi descriva, spiegare spiega spieghi,
dare dai dia, fare fai faccia, nominare nomina nomini, elencare elenca elenchi, identificare identifica identifichi,
trovare trova trovi, classificare classifica classifichi, riscrivere riscrivi riscriva, modificare modifica modifichi,
riassumere riassumi riassuma, suggerire suggerisci suggerisca, proporre proponi proponga, fornire fornisci fornisca,
comporre componi componga, progettare progetta progetti, costruire costruisci costruisca, tradurre traduci traduca,
convertire converti converta, calcolare calcola calcoli, confrontare confronta confronti, abbinare abbina abbini,
individuare individua individui, contrastare contrasta contrasti, scegliere scegli scelga, selezionare seleziona
selezioni, dire dica, raccontare racconta racconti, rispondere rispondi risponda, analizzare analizza analizzi,
prevedere prevedi preveda, determinare determina determini, valutare valuta valuti, sviluppare sviluppa sviluppi,
abbozzare abbozza abbozzi, aggiungere aggiungi aggiunga, ordinare ordina ordini, organizzare organizza organizzi,
cambiare cambia cambi, completare completa completi, categorizzare categorizza categorizzi, formulare formula formuli,
inventare inventa inventi, parafrasare parafrasa parafrasi, produrre produci produca, raccomandare raccomanda
raccomandi, consigliare consiglia, sostituire sostituisci sostituisca, trasformare trasforma trasformi, usare usa usi,
utilizzare utilizza utilizzi, definire definisci definisca, rilevare rileva rilevi, discutere discuti discuta, stimare
stima stimi, compilare compila compili, immaginare immagina, inserire inserisci inserisca, leggere leggi legga,
correggere correggi corregga, migliorare migliora migliori, eliminare elimina elimini, rimuovere rimuovi rimuova,
estrarre estrai estragga, risolvere risolvi risolva, cercare cerca cerchi, mostrare mostra mostri, insegnare insegna
insegni, preparare prepara prepari, presentare presenta presenti, redigere redigi rediga, semplificare semplifica
semplifichi, verificare verifica verifichi, indicare indica indichi, menzionare menziona menzioni, citare cita citi,
combinare combina combini, dividere dividi divida, indovinare indovina indovini, evidenziare evidenzia evidenzi,
etichettare etichetta etichetti, offrire offri offra, pianificare pianifica pianifichi, dimostrare dimostra dimostri,
mettere metti metta, riordinare riordina riordini, accorciare accorcia accorci, separare separa separi, prendere prendi
prenda, pensare pensa pensi, elaborare elabora elabori, riformulare riformula riformuli, rivedere rivedi riveda,
esprimere esprimi esprima, interpretare interpreta interpreti, illustrare illustra illustri, disegnare disegna disegni,
assegnare assegna assegni, raggruppare raggruppa raggruppi, implementare implementa implementi, ottimizzare ottimizza
ottimizzi, applicare applica applichi, sommare somma sommi, moltiplicare moltiplica moltiplichi, invertire inverti
inverta, giustificare giustifica giustifichi, raccogliere raccogli raccolga, convincere convinci convinca, salutare
saluta saluti, aiutare aiuta aiuti, disporre disponi disponga, terminare termina termini, finire finisci finisca,
formattare formatta formatti, distinguere distingui distingua, differenziare differenzia differenzi, supporre
supponi
"""
_GERMAN = """
schreiben schreibe schreib, generieren generiere, erstellen erstelle erstell, beschreiben beschreibe beschreib, erklären
erkläre erklär, geben gib, machen mache mach, nennen nenne nenn, listen liste, zählen zähle zähl, identifizieren
identifiziere, finden finde find, klassifizieren klassifiziere, kategorisieren kategorisiere, bearbeiten bearbeite,
fassen fasse fass, schlagen schlage schlag, formulieren formuliere, entwerfen entwirf entwerfe, konstruieren
konstruiere, erzeugen erzeuge, entschlüsseln entschlüssle, verschlüsseln verschlüssle, arrangieren arrangiere,
übersetzen übersetze übersetz, konvertieren konvertiere, wandeln wandle wandel, berechnen berechne, vergleichen
vergleiche vergleich, wählen wähle wähl, sagen sage sag, erzählen erzähle erzähl, beantworten beantworte, antworten
antworte, analysieren analysiere, bestimmen bestimme bestimm, bewerten bewerte, beurteilen beurteile, entwickeln
entwickle, skizzieren skizziere, fügen füge füg, ordnen ordne, sortieren sortiere, organisieren organisiere, ändern
ändere änder, vervollständigen vervollständige, ergänzen ergänze ergänz, erfinden erfinde erfind, paraphrasieren
paraphrasiere, produzieren produziere, empfehlen empfiehl, ersetzen ersetze ersetz, transformieren transformiere,
verwenden verwende, benutzen benutze benutz, nutzen nutze nutz, definieren definiere, erkennen erkenne, diskutieren
diskutiere, schätzen schätze schätz, füllen fülle füll, stellen stelle stell, setzen setze setz, lesen lies, korrigieren
korrigiere, verbessern verbessere, entfernen entferne entfern, löschen lösche lösch, extrahieren extrahiere, lösen löse
lös, suchen suche such, zeigen zeige zeig, lehren lehre, bereiten bereite, präsentieren präsentiere, verfassen verfasse
verfass, vereinfachen vereinfache, überprüfen überprüfe, prüfen prüfe prüf, erwähnen erwähne, zitieren zitiere,
kombinieren kombiniere, teilen teile teil, raten rate, heben hebe, beschriften beschrifte, modifizieren modifiziere,
bieten biete, planen plane plan, recherchieren recherchiere, untersuchen untersuche, beweisen beweise, legen lege leg,
nehmen nimm, denken denke denk, arbeiten arbeite, überarbeiten überarbeite, drücken drücke drück, interpretieren
interpretiere, veranschaulichen veranschauliche, zeichnen zeichne, weisen weise, gruppieren gruppiere, implementieren
implementiere, optimieren optimiere, wenden wende, addieren addiere, multiplizieren multipliziere, kehren kehre, sammeln
sammle, überlegen überlege, begründen begründe, leiten leite, ziehen ziehe zieh, verfassen verfasse, umschreiben,
zusammenfassen, gratulieren gratuliere, grüßen grüße, bilden bilde, helfen hilf, komponieren komponiere, ermitteln
ermittle, gestalten gestalte, beenden beende, formatieren formatiere, unterscheiden unterscheide unterscheid
"""
_DUTCH = """
schrijven schrijf, genereren genereer, maken maak, creëren creëer, beschrijven beschrijf, leggen leg, geven geef, noemen
noem, sommen som, identificeren identificeer, vinden vind, zoeken zoek, classificeren classificeer, categoriseren
categoriseer, herschrijven herschrijf, bewerken bewerk, vatten vat, stellen stel, suggereren suggereer, componeren
componeer, ontwerpen ontwerp, bouwen bouw, construeren construeer, vertalen vertaal, voeren voer, zetten zet, berekenen
bereken, vergelijken vergelijk, kiezen kies, selecteren selecteer, zeggen zeg, vertellen vertel, beantwoorden
beantwoord, analyseren analyseer, voorspellen voorspel, bepalen bepaal, evalueren evalueer, beoordelen beoordeel,
ontwikkelen ontwikkel, schetsen schets, voegen voeg, ordenen orden, sorteren sorteer, rangschikken rangschik,
herschikken herschik, organiseren organiseer, veranderen verander, wijzigen wijzig, vullen vul, formuleren formuleer,
herformuleren herformuleer, verzinnen verzin, bedenken bedenk, parafraseren parafraseer, produceren produceer, bevelen
beveel, vervangen vervang, transformeren transformeer, gebruiken gebruik, definiëren definieer, detecteren detecteer,
bespreken bespreek, schatten schat, lezen lees, corrigeren corrigeer, verbeteren verbeter, verwijderen verwijder,
extraheren extraheer, halen haal, lossen los, tonen toon, leren leer, bereiden bereid, presenteren presenteer,
vereenvoudigen vereenvoudig, controleren controleer, verifiëren verifieer, vermelden vermeld, citeren citeer, combineren
combineer, verdelen verdeel, delen deel, raden raad, markeren markeer, labelen label, passen pas, bieden bied, plannen plan,
onderzoeken onderzoek, bewijzen bewijs, leiden leid, denken denk, werken werk, drukken druk, interpreteren interpreteer,
illustreren illustreer, tekenen teken, wijzen wijs, groeperen groepeer, implementeren implementeer, optimaliseren
optimaliseer, tellen tel, vermenigvuldigen vermenigvuldig, keren keer, verzamelen verzamel, motiveren motiveer,
redigeren redigeer, opstellen, samenvatten, voorstellen, feliciteren feliciteer, begroeten begroet, vormen vorm, helpen,
formatteren formatteer, onderscheiden onderscheid
"""
# Russian infinitives with the plural imperatives that lead instructions; each also leads without its "-те".
_RUSSIAN = """
написать напишите, писать пишите, создать создайте, сгенерировать сгенерируйте, генерировать генерируйте, описать
опишите, объяснить объясните, дать дайте, привести приведите, сделать сделайте, назвать назовите, перечислить
перечислите, определить определите, найти найдите, классифицировать классифицируйте, переписать перепишите,
отредактировать отредактируйте, редактировать редактируйте, резюмировать резюмируйте, изложить изложите, предложить
предложите, предоставить предоставьте, сочинить сочините, составить составьте, разработать разработайте, спроектировать
спроектируйте, построить постройте, перевести переведите, преобразовать преобразуйте, вычислить вычислите, рассчитать
рассчитайте, посчитать посчитайте, сравнить сравните, ранжировать ранжируйте, выбрать выберите, сказать скажите,
рассказать расскажите, ответить ответьте, проанализировать проанализируйте, предсказать предскажите, оценить оцените,
набросать набросайте, добавить добавьте, упорядочить упорядочьте, отсортировать отсортируйте, расставить расставьте,
организовать организуйте, изменить измените, дополнить дополните, завершить завершите, придумать придумайте,
перефразировать перефразируйте, порекомендовать порекомендуйте, рекомендовать рекомендуйте, заменить замените,
использовать используйте, выявить выявите, обсудить обсудите, заполнить заполните, представить представьте, вставить
вставьте, прочитать прочитайте, исправить исправьте, улучшить улучшите, удалить удалите, извлечь извлеките, решить
решите, показать покажите, научить научите, подготовить подготовьте, упростить упростите, проверить проверьте, указать
укажите, упомянуть упомяните, процитировать процитируйте, объединить объедините, разделить разделите, угадать угадайте,
выделить выделите, пометить пометьте, спланировать спланируйте, исследовать исследуйте, доказать докажите, поставить
поставьте, переставить переставьте, сократить сократите, взять возьмите, подумать подумайте, выразить выразите,
интерпретировать интерпретируйте, проиллюстрировать проиллюстрируйте, нарисовать нарисуйте, назначить назначьте,
сгруппировать сгруппируйте, пересказать перескажите, реализовать реализуйте, оптимизировать оптимизируйте, применить примените, сложить сложите,
умножить умножьте, отнести отнесите, поменять поменяйте, выдвинуть выдвиньте, сформулировать сформулируйте, сформировать
сформируйте, обосновать обоснуйте, собрать соберите, разбить разбейте, опровергнуть опровергните, убедить убедите,
поздравить поздравьте, поприветствовать поприветствуйте, помочь помогите, закончить закончите, оформить оформите, провести проведите, различить различите, разграничить разграничьте, спрогнозировать спрогнозируйте, прогнозировать прогнозируйте
"""


def _table(lines: str, *, short_russian: bool = False) -> dict[str, str]:
    """Form -> infinitive, from "infinitive form form ..., infinitive form ..."."""
    forms: dict[str, str] = {}
    for group in lines.split(","):
        infinitive, *others = group.split()
        for form in (infinitive, *others):
            forms.setdefault(form, infinitive)
            if short_russian and form.endswith("те"):
                forms.setdefault(form[:-2], infinitive)  # "напишите" and "напиши"
    return forms


_VERBS: dict[str, dict[str, str]] = {
    "es": _table(_SPANISH),
    "pt": _table(_PORTUGUESE),
    "fr": _table(_FRENCH),
    "it": _table(_ITALIAN),
    "de": _table(_GERMAN),
    "nl": _table(_DUTCH),
    "ru": _table(_RUSSIAN, short_russian=True),
}
_VERBS["it"].update({"dammi": "dare", "dimmi": "dire", "fammi": "fare", "di'": "dire", "fa'": "fare", "da'": "dare"})


def _by_form(verbs: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Form -> {language: infinitive}, for every language that has the form."""
    forms: dict[str, dict[str, str]] = {}
    for language, table in verbs.items():
        for form, infinitive in table.items():
            forms.setdefault(form, {})[language] = infinitive
    return forms


_FORMS = _by_form(_VERBS)
# Short words that tell the languages apart where a verb form is shared ("crea", "genera", "explica").
_FUNCTION_WORDS = {
    "es": frozenset("el la los las un una unos unas del de y en que para por con sobre su sus este esta estos estas lo al siguiente siguientes".split()),
    "pt": frozenset("o a os as um uma uns umas do da dos das de e em que para por com sobre seu sua seus suas no na nos nas ao seguinte seguintes".split()),
    "fr": frozenset("le la les un une des du de et en que pour par avec sur son sa ses ce cette ces au aux suivant suivante suivants suivantes qu' d' est-ce est-il est-elle".split()),
    "it": frozenset(
        "il lo la i gli le un uno una del della dei delle di e in che per con su sul sulla sulle sui questo questa al alle nel nella nelle seguente "
        "seguenti tra fra due tre qui nell' dell' all' sull' dall' l' alla allo agli come".split()
    ),
    "de": frozenset("der die das den dem des ein eine einen einem und in zu für mit auf über von aus".split()),
    "nl": frozenset("de het een en in van voor met op over dat die om te aan dit deze je zou hoe wat welke waarom".split()),
    "ru": frozenset("и в на с о по для к из что это".split()),
}
# Spoken to the reader before the verb: "Por favor, ...", "Bitte ...", "¿Puedes ...?", "Können Sie ...".
_BEFORE_THE_VERB = frozenset(
    """por favor ahora per favore ora agora bitte jetzt nun alsjeblieft alstublieft graag nu пожалуйста теперь s'il vous
    plaît veuillez maintenant puedes podrías puede podría pode poderia você vocês consegue pouvez pourriez peux
    pourrais puoi potresti può potrebbe kannst könntest kann können könnten du kun kunt zou zoudt je jij u можешь
    можете могли бы ли вы ты tú usted tu vous lei ¿""".split()
)
# Words that ask: an instruction that starts with one is a question, and a verb followed by one has a clause for an object.
_QUESTION_WORDS = frozenset(
    """qué que cuál cuáles cómo como dónde cuándo cuánto cuánta cuántos cuántas quién quiénes qual quais onde quando
    quanto quanta quantos quantas quem quel quelle quels quelles comment pourquoi où qui combien quoi cosa come dove
    perché chi quale quali quanti quante wer was wie wo wann warum welche welcher welches welchen wieso weshalb ob dass
    wat hoe waar wanneer waarom welk welke of что как где когда почему кто какой какая какое какие сколько зачем ли
    если чтобы si se cos'è cos’è com'è com’è dov'è dov’è qual'è qual’è""".split()
)
# "lo que", "o que", "ce que", "ciò che": what, a clause.
_WHAT = {"lo": "que", "o": "que", "ce": "que", "ciò": "che"}
# Objects that are pronouns, so name no noun: "отредактируйте его", "Fasse es zusammen".
_PRONOUNS = frozenset("его её ее их него неё es ihn ihm ze hem".split())
# Numbers: the noun that follows them is a plural.
_NUMBERS = frozenset(
    """dos tres cuatro cinco seis siete ocho nueve diez dois duas três quatro sete oito nove dez deux trois quatre cinq six
    sept huit neuf dix due tre quattro cinque sei sette otto dieci zwei drei vier fünf sechs sieben acht neun zehn twee
    drie vijf zes zeven negen tien два две три четыре пять шесть семь восемь девять десять двух трёх трех четырёх четырех
    пяти шести семи восьми девяти десяти""".split()
)
_PLURAL_DETERMINERS = frozenset("alle einige mehrere viele verschiedene enkele sommige verschillende meerdere".split())
# Articles, demonstratives, possessives, numbers, quantities and the adjectives that come before a noun.
_BEFORE_THE_NOUN = frozenset(
    """el la los las un una unos unas lo este esta estos estas ese esa esos esas su sus mi mis tu tus cada todo toda todos
    todas otro otra otros otras algún alguno alguna algunos algunas varios varias breve corto corta cortos cortas pequeño
    pequeña gran grande buen buena nuevo nueva nuevos nuevas mejor mejores único única sola solo siguiente siguientes dado
    dada dados dadas mismo misma principales principal posibles diferentes distintos distintas primer primera primeros peor
    peores pior piores pire pires peggiore peggiori segundo segunda tercer tercera tercero cuarto cuarta quinta último última
    terceiro terceira deuxième troisième quatrième cinquième dernier dernière
    o a os as um uma uns umas esse essa esses essas seu sua seus suas meu minha pequeno pequena bom boa novo nova
    alguns algumas vários várias todos todas melhor melhores seguinte seguintes principais possíveis primeiro primeira
    le les l' une des du de d' ce cet cette ces son sa ses mon ma mes votre vos notre nos leur leurs chaque tout toute
    tous toutes plusieurs quelques autre autres court courte petit petite bon bonne nouveau nouvel nouvelle nouveaux
    meilleur meilleure meilleurs bref brève grand grande principaux premier première premiers premières
    seul seule suivant suivante suivants suivantes différents différentes
    importante importantes importanti quaisquer qualquer cualquier cualesquiera qualsiasi plus más mais più semplice semplici
    sencillo sencilla long longue longs longues
    il i gli un' uno questo questa questi queste quel quella quei quelle suo suoi sue mio tuo ogni alcuni alcune diversi
    tutto tutta tutti tutte secondo seconda terzo terza quarto quarta quinto quinta ultimo ultima principale principali
    nostro nostra nostri nostre vostro vostra vostri vostre tuoi tue mie miei almeno mindestens minstens
    diverse altro altra altri altre piccolo piccola buon nuova nuovi nuove loro migliore migliori seguente seguenti unico unica
    primo prima primi
    der die das den dem des ein eine einen einem einer eines dieser diese dieses diesen diesem kein keine mein meine
    dein deine sein seine ihr ihre unser unsere euer eure jede jeder jedes jeden alle einige mehrere sie
    het een deze dit mijn jouw zijn haar ons onze hun elk elke enkele sommige verschillende korte kort nieuwe nieuw
    goede goed beste belangrijkste volgende gegeven eerste meest meeste tweede derde vierde vijfde laatste
    этот эта это эти этих эту данный данная данное данной несколько каждый каждую все всех один одна одно одну одного одной
    me te nos mir dir uns moi nous mi ci ti ons мне нам""".split()
) | _NUMBERS
# Prepositions: a phrase they lead before the object is passed over ("Sviluppa da zero una pagina", "Nenne aus dem Text ...").
_PREPOSITIONS = {
    language: frozenset(words.split())
    for language, words in {
        "es": "a al en de del con sin sobre para por entre hasta desde según",
        "pt": "em no na nos nas de do da dos das com sem sobre para por pelo pela até à ao aos entre",
        "fr": "à au aux dans sur avec sans pour par entre selon de du",
        "it": "a al allo alla ai agli alle da dal dalla di del della dei delle dell' all' nell' sull' dall' in nel nella con su "
        "sul sulla per tra fra secondo",
        "de": "zu zum zur mit für über von vom aus bei beim nach an am auf im in unter anhand gemäß laut zwischen",
        "nl": "van met voor over op bij naar uit aan onder volgens in tot door tussen zonder tegen",
        "ru": "в во на с со о об по для к из от до при",
    }.items()
}
# What starts a Dutch clause inside the verb's: "een visual die ...", "de woorden zodat ...", "een plan om ze uit te voeren".
_DUTCH_CLAUSE_STARTS = frozenset("die dat waar wat waarin waarmee waarop waardoor waarbij waarover waarvan zodat om omdat als wanneer".split())
# What ends a Dutch noun phrase besides a preposition.
_DUTCH_PHRASE_ENDS = _DUTCH_CLAUSE_STARTS | {"te", "en", "of"}
_AND = frozenset("y e et und en и".split())
# "Given", which looks like a verb with a clitic ("Date le seguenti idee, ..."): the clause only introduces the task.
_GIVEN = frozenset("dado dada dados dadas dato data dati date".split())
# Clitics joined to an imperative: "dame", "escríbeme", "ordénalos", "scrivimi".
_CLITIC = re.compile(r"(?:me|te|lo|la|los|las|le|les|nos|se|mi|ci|li|ne|gli)$")
# A German or Dutch separable verb's particle, at the end of its clause or before a phrase that follows it: "Fasse ...
# zusammen", "Zet de tekenreeks om naar ...", "Stel een snack voor die ...".
_PARTICLES = {
    "de": frozenset("zusammen ein auf um an vor aus ab mit nach zu dar fest her hin hinzu weiter weg durch zurück hervor voraus vorher".split()),
    "nl": frozenset("samen in op om aan voor uit af na mee toe terug weg door vast bij weer".split()),
}
# Particles that stay beside the verb: "Denk na over ...", "Leid af wat ...", "Leg uit waarom ...".
_NEAR_PARTICLES = {"de": frozenset("nach zusammen".split()), "nl": frozenset("na af uit samen mee toe terug weg".split())}
# The first halves of word pairs that share their last part: "Vor- und Nachteile", "voor- en nadelen".
_OPPOSITE_PREFIXES = ("nach", "na", "aus", "uit", "ab", "af")
_TOKEN = re.compile(r"[^\W\d_](?:[\w’'-]*[^\W_])?|\d+(?:[.,]\d+)?|[^\w\s]")
_JOINED = re.compile(r"['’-]")
_ELIDED = re.compile(r"^(?:l|d|qu|un|dell|all|nell|sull|dall|c|j|n|s)['’]", re.I)
_HYPHENATED_CLITIC = re.compile(r"-(?:me|te|se|lo|la|los|las|lhe|lhes|nos|moi|toi|nous|vous|le|les)$", re.I)
_QUOTES = frozenset("\"“”«»„'‘’()")
_CLAUSE_ENDS = frozenset(",;:.!?\n")
_SENTENCE_ENDS = frozenset(".!?\n")


class Reading(NamedTuple):
    """What :func:`read` finds: the verb's infinitive and the singular head noun of its object (None where there is
    none), the language, the instruction's lower-case words and the verb's position among them."""

    verb: str | None
    noun: str | None
    language: str
    words: list[str]
    position: int | None


def read(instruction: str) -> Reading:
    """The instruction's verb (the leading verb's infinitive), noun (the singular head of its object), both None where
    there is none, and language (for a question, that of its short words)."""
    tokens = _tokens(instruction)
    lowered = [token.lower() for token in tokens]
    found = _find_verb(lowered) or _russian_imperative(lowered)
    if found is None:
        return Reading(None, None, _language(_VERBS, lowered), lowered, None)
    position, forms = found
    language = _language(forms, lowered)
    verb = forms[language]
    end = next((i for i in range(position + 1, len(tokens)) if lowered[i] in _CLAUSE_ENDS), len(tokens))
    start = position + 1
    if language in _PARTICLES:
        particle = _particle(lowered, start, end, language)
        if particle is None:
            particle = _particle_after_a_list(lowered, end, language)
        if particle is not None:
            verb = lowered[particle] + verb
            if particle == start:
                start += 1
            elif particle < end:
                end = particle
    noun = _object_noun(tokens[start:end], lowered[start:end], language)
    return Reading(verb, noun and singular(*noun, language), language, lowered, position)


def infinitive(word: str, language: str) -> str | None:
    """The infinitive of a form in the language's table of verbs, if the word is one (with a clitic joined in Spanish
    and Italian: "clasifícalo", "corrígelos")."""
    return _VERBS[language].get(word) or _forms(word).get(language)


def reads(instruction: str) -> bool:
    """Whether the instruction is in one of these languages, as far as its verb goes: one of their verbs leads it, or
    it holds two short words of one of them ("¿Cuál es la capital de Francia?")."""
    lowered = [token.lower() for token in _tokens(instruction)]
    return _find_verb(lowered) is not None or max(len(words & set(lowered)) for words in _FUNCTION_WORDS.values()) >= 2


def _tokens(instruction: str) -> list[str]:
    """Words, numbers and marks, with elided articles ("l'impact") and hyphenated clitics ("Dê-me") apart."""
    tokens = []
    for token in _TOKEN.findall(instruction[:400]):
        if not _JOINED.search(token):
            tokens.append(token)
            continue
        elided = _ELIDED.match(token)
        clitic = _HYPHENATED_CLITIC.search(token)
        if elided and len(token) > elided.end():
            tokens += [token[: elided.end() - 1] + "'", token[elided.end() :]]
        elif clitic:
            tokens += [token[: clitic.start()], token[clitic.start() + 1 :]]
        else:
            tokens.append(token)
    return tokens


def _find_verb(lowered: list[str]) -> tuple[int, dict[str, str]] | None:
    """The position of the verb that leads a clause of the first three sentences, and its infinitive in each language
    that has the form; None for a question."""
    sentences = 0
    position = 0
    while position < len(lowered):
        while position < len(lowered) and (lowered[position] in _BEFORE_THE_VERB or lowered[position] in _CLAUSE_ENDS):
            sentences += lowered[position] in _SENTENCE_ENDS
            position += 1
        if position == len(lowered) or sentences >= 3 or _asks(lowered, position):
            return None
        forms = _forms(lowered[position]) or _imperative(lowered, position)
        if forms and not (lowered[position] in _FUNCTION_WORD_LOOKALIKES and _language(_VERBS, lowered) not in forms):
            return position, forms
        while position < len(lowered) and lowered[position] not in _CLAUSE_ENDS:
            position += 1
    return None


def _russian_imperative(lowered: list[str]) -> tuple[int, dict[str, str]] | None:
    """A Russian imperative after what the first sentence starts with ("Кратко изложите ...", "На основе следующих данных
    спрогнозируйте ...", "По теме «...» напишите ..."): its "-те" tells it, unless the sentence asks."""
    if not lowered or lowered[0] in _QUESTION_WORDS:
        return None
    for position, word in enumerate(lowered):
        if word in _SENTENCE_ENDS:
            return None  # a question ends with "?"
        if word.endswith("те"):
            forms = _forms(word) or _imperative(lowered, position)
            if "ru" in forms:
                return position, {"ru": forms["ru"]}
    return None


# Leading forms and question words that are English words too ("describe", "use", "plan", "comment"), or are in English
# text ("some", "such").
_ENGLISH_LOOKALIKES = frozenset(
    """analyse categorize change cite classifier combine compare compile complete compose composer dare define describe
    determine dire divide dresser employer fare find formula imagine label lea lee leer lees leg lies listen los mach
    modifier monte note optimise organise organize paraphrase pas plan plane prepare produce propose rate remove resolve
    resume revise sage some such tome toon transcribe transformer use usa utilise utilize of was come comment dove hoe se si""".split()
)
_LEADING_WORDS = (frozenset(_FORMS) | _QUESTION_WORDS) - _ENGLISH_LOOKALIKES


def leads_in_another_language(words: list[str]) -> bool:
    """Whether a clause of the lower-case words starts with a verb form or question word of these languages that no
    English word has: "Genera cinco consejos", "Dado el texto, enumera ...", "Wat denken wetenschappers ...?"."""
    if _LEADING_WORDS.isdisjoint(words):  # most English text, told without a loop
        return False
    return any(word in _LEADING_WORDS for position, word in enumerate(words) if position == 0 or words[position - 1] in _CLAUSE_ENDS)


# Short words of these languages that are no English words, by language.
_OWN_FUNCTION_WORDS = {language: words - frozenset("a an as be die do due e i in is it me no o on over so son to".split()) for language, words in _FUNCTION_WORDS.items()}


def lookalike_leads_in_another_language(words: list[str]) -> bool:
    """Whether an English-looking verb leads the lower-case words, followed in its clause by two or more short words of
    one of these languages that English does not have: "Complete la frase con la palabra correcta", "Complete a equação
    com o número que falta" (not "Compose Les haiku about cats")."""
    if not words or words[0] not in _ENGLISH_LOOKALIKES or words[0] not in _FORMS:
        return False
    clause = set(words[1 : next((i for i, word in enumerate(words) if word in _CLAUSE_ENDS), len(words))])
    return any(len(clause & own) >= 2 for own in _OWN_FUNCTION_WORDS.values())


# Verb forms that are short words of another language: "da" (Spanish "give", Portuguese and Italian "of the", "from").
_FUNCTION_WORD_LOOKALIKES = frozenset(form for form in _FORMS if form in ("di", "da") or any(form in words for words in _FUNCTION_WORDS.values()))


def _asks(lowered: list[str], position: int) -> bool:
    """Whether a question word or "lo que" is at the position."""
    word = lowered[position]
    return word in _QUESTION_WORDS or (word in _WHAT and lowered[position + 1 : position + 2] == [_WHAT[word]])


def _forms(word: str) -> dict[str, str]:
    """The word's infinitive in each language that has it as a leading form (a clitic taken off in Spanish and Italian)."""
    forms = _FORMS.get(word)
    if forms is not None:
        return forms
    if len(word) > 3 and word not in _GIVEN:
        clitic = _CLITIC.search(word)
        if clitic and clitic.start() >= 2:
            bare = _without_accents(word[: clitic.start()])
            return {language: _VERBS[language][bare] for language in ("es", "it") if bare in _VERBS[language]}
    return {}


def _imperative(lowered: list[str], position: int) -> dict[str, str]:
    """A verb outside the tables in a language whose imperatives all end alike: French "-ez" before an article
    ("Repérez les fautes"), Russian "-йте", "-ите", "-ьте" ("Спрогнозируйте цену")."""
    word = lowered[position]
    ending = next((ending for ending in _IMPERATIVE_ENDINGS if word.endswith(ending) and len(word) > len(ending) + 2), None)
    if ending is None:
        return {}
    language, infinitive = _IMPERATIVE_ENDINGS[ending]
    following = lowered[position + 1] if position + 1 < len(lowered) else ""
    if language == "fr" and following not in _FRENCH_ARTICLES:
        return {}  # "Pérez, ..."
    return {language: word[: -len(ending)] + infinitive}


_FRENCH_ARTICLES = frozenset("le la les l' un une des du de d' ce cet cette ces mon ma mes votre vos deux trois quatre cinq à au aux".split())
# Imperative endings and the infinitive's: "Arrangez" -> "arranger", "Choisissez" -> "choisir", "Спрогнозируйте" ->
# "спрогнозировать", "Определите" -> "определить", "Составьте" -> "составить", "Придумайте" -> "придумать". The
# irregular ones ("Faites", "Найдите", "Напишите") are in the tables.
_IMPERATIVE_ENDINGS = {
    "issez": ("fr", "ir"),
    "ez": ("fr", "er"),
    "уйте": ("ru", "овать"),
    "айте": ("ru", "ать"),
    "яйте": ("ru", "ять"),
    "ите": ("ru", "ить"),
    "ьте": ("ru", "ить"),
}


def _without_accents(word: str) -> str:
    """"escríbe" -> "escribe", keeping ñ."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).replace("\u0301", ""))


def _language(languages: Collection[str], lowered: list[str]) -> str:
    """The one of the languages (those that have a verb form, say) whose short words the instruction holds most."""
    if len(languages) == 1:
        return next(iter(languages))
    words = set(lowered)
    return max(languages, key=lambda language: len(words & _FUNCTION_WORDS[language]))


def _particle(lowered: list[str], start: int, end: int, language: str) -> int | None:
    """The position of the separable verb's particle in its clause (``start`` to ``end``), if it has one: beside the verb,
    before a phrase or clause that follows, or last; not one of a second verb ("und gib an") or of a clause inside."""
    if start < end and lowered[start] in _NEAR_PARTICLES[language]:
        return start
    for position in range(start, end):
        word = lowered[position]
        following = lowered[position + 1] if position + 1 < end else None
        clause = language == "nl" and following in _DUTCH_CLAUSE_STARTS  # "Stel een snack voor die ...", not "rund um die Medizin"
        # "Wähle ein Beispiel aus und beschreibe ...": last in its clause, before another verb's.
        second_verb = following in _AND and position + 2 < end and bool(_forms(lowered[position + 2]))
        if word in _PARTICLES[language] and (following is None or following in _PREPOSITIONS[language] or clause or second_verb):
            return position
        if (word in _AND and following is not None and _forms(following)) or (language == "nl" and word in _DUTCH_CLAUSE_STARTS):
            return None
    return None


def _particle_after_a_list(lowered: list[str], end: int, language: str) -> int | None:
    """The particle that ends the sentence after a list of the object's items, whose commas end no clause: "Füge die
    Verben „play“, „jump“ und „laugh“ in einen Satz ein"."""
    sentence_end = next((i for i in range(end, len(lowered)) if lowered[i] in _SENTENCE_ENDS), len(lowered))
    last = sentence_end - 1
    if last <= end or lowered[last] not in _PARTICLES[language]:
        return None
    between = lowered[end:last]
    if any(word in _CLAUSE_ENDS and word != "," for word in between) or any(_forms(word) for word in between):
        return None  # another clause, or another verb's: "Nenne ein Beispiel, das ... und füge es ein"
    return last


def _object_noun(tokens: list[str], lowered: list[str], language: str) -> tuple[str, bool] | None:
    """The head noun of the object among the words after the verb, past what comes before it and phrases led by a
    preposition, and whether a number counts it; None for a clause, a pronoun or no object."""
    prepositions = _PREPOSITIONS[language]
    in_phrase = after_phrase = after_modifier = counted = False
    determined = True  # after a phrase, an object starts with a determiner: "sulla base dei dati forniti" holds none
    position = 0
    while position < len(lowered):
        word = lowered[position]
        closed, after_phrase = after_phrase, False
        position += 1
        if word in _QUOTES:
            continue
        if word == "-" and position > 1 and lowered[position - 2][0].isdigit():
            continue  # "3-5 parole"
        if _asks(lowered, position - 1) or word in _PRONOUNS or not word[0].isalnum():
            return None
        pair = _joined_pair(lowered, position - 1)
        if pair is not None and not in_phrase:
            return pair, True
        modifier, after_modifier = after_modifier, False
        if word in _AND:
            if position < len(lowered) and _forms(lowered[position]):
                if position > 1:
                    return None  # "Denk na over het citaat en geef ...": the object is the next verb's
                position += 1  # "Identifica y explica las capas"
            elif closed:
                in_phrase = True  # "anhand des Themas und der Forschungsfrage"
            elif not modifier:
                return None  # "естественный и искусственный отбор" goes on
            continue
        if word in prepositions:
            in_phrase, determined = True, False
        elif word in _BEFORE_THE_NOUN or word[0].isdigit():
            determined, after_modifier = True, True
            counted = counted or word[0].isdigit() or word in _NUMBERS or word in _PLURAL_DETERMINERS
        elif _is_adverb(lowered, position - 1, language) or _before_a_noun(tokens, lowered, position - 1, language):
            after_modifier = True
            # "die folgenden Akkorde": after "die", an adjective in -en is a plural's
            counted = counted or (language == "de" and word.endswith("en") and lowered[position - 2 : position - 1] in (["die"], ["diese"]))
        elif in_phrase:
            in_phrase, after_phrase = False, True  # the phrase's noun: "da zero", "aus dem gegebenen Text"
            determined = language == "ru"  # no articles: "Опишите в двух предложениях внешность ..."
        elif determined:
            return (word, counted) if len(word) > 1 else None
    return None


def _joined_pair(lowered: list[str], position: int) -> str | None:
    """"Vor- und Nachteile" -> "vorteile": the first of a pair whose last part the second word gives."""
    if lowered[position + 1 : position + 2] != ["-"] or position + 3 >= len(lowered) or lowered[position + 2] not in _AND:
        return None
    second = lowered[position + 3]
    prefix = next((prefix for prefix in _OPPOSITE_PREFIXES if second.startswith(prefix)), None)
    return None if prefix is None else lowered[position] + second[len(prefix) :]


def _is_adverb(lowered: list[str], position: int, language: str) -> bool:
    """"cognitivamente", "brièvement"; not a noun after its article ("le fonctionnement")."""
    word = lowered[position]
    if position > 0 and lowered[position - 1] in _BEFORE_THE_NOUN:
        return False
    return (language in ("es", "pt", "it") and word.endswith("mente") and len(word) > 7) or (language == "fr" and word.endswith("ment") and len(word) > 6)


def _before_a_noun(tokens: list[str], lowered: list[str], position: int, language: str) -> bool:
    """A word that comes before the noun rather than being it: in German one not capitalised (nouns are), in Dutch and
    Russian an adjective, which another word of the phrase follows."""
    if language == "de":
        return not tokens[position][0].isupper()
    following = lowered[position + 1] if position + 1 < len(lowered) else ""
    if not following[:1].isalpha() or following in _PREPOSITIONS[language]:
        return False
    if language == "nl":
        # Inflected ("een creatieve titel"), or after "een" ("een juridisch processtuk"); not "het soort fout".
        inflected = lowered[position].endswith("e") or lowered[position - 1 : position] == ["een"]
        return inflected and following not in _DUTCH_PHRASE_ENDS and following not in _BEFORE_THE_NOUN
    word = lowered[position]
    # Nouns made from verbs end like plural adjectives: "сравнение автомобиля", "понятие".
    # "тему" (тема) is no adjective in "-ему": an adjective's stem has two letters or more.
    adjective = any(word.endswith(ending) and len(word) - len(ending) >= 2 for ending in _RUSSIAN_ADJECTIVE_ENDINGS)
    return language == "ru" and adjective and not word.endswith(("ние", "тие"))


_RUSSIAN_ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ую", "юю", "ые", "ие", "ых", "их", "ого", "его", "ому", "ему", "ым", "им")


def singular(noun: str, counted: bool, language: str) -> str:
    """The noun in the singular, by the endings of the plural (a German compound's last part: "HTML-Code" -> "code");
    a Dutch "-en", a German "-e" or "-en" and a Russian "-а" only where a number or the words before show it is a plural
    ("reden" is one reason, "Geschichte" one story, "задача" one task)."""
    head, hyphen, last = noun.rpartition("-")
    if language == "de" and len(head) > 1:
        noun = last  # not "E-Mail"
    irregular = _IRREGULAR_PLURALS[language].get(noun)
    if irregular is not None:
        return irregular
    if language in ("de", "nl"):  # a compound's last noun: "Schlagwörter", "voorbeeldvragen"
        last_noun = next((plural for plural in _COMPOUND_HEADS[language] if noun.endswith(plural) and len(noun) > len(plural) + 2), None)
        if last_noun is not None:
            return noun[: -len(last_noun)] + _IRREGULAR_PLURALS[language][last_noun]
    for ending, singular in _PLURAL_ENDINGS[language]:
        if noun.endswith(ending) and len(noun) > len(ending) + 1:
            return noun[: len(noun) - len(ending)] + singular
    if not counted or len(noun) <= 4:
        return noun
    if language == "nl" and noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-2] if noun.endswith("'s") else noun[:-1]  # "vier auteurs", "drie foto's"
    if language == "nl" and noun.endswith("en"):
        stem = noun[:-2]
        if stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            return stem[:-1]  # "energiebronnen"
        if stem[-1] not in _VOWELS and stem[-2] in "aeou" and stem[-3] not in _VOWELS:
            return stem[:-1] + stem[-2:]  # "gebruikersnamen": an open syllable's vowel is written twice when closed
        return stem
    if language == "de" and noun.endswith("e") and noun[-2] not in _VOWELS:
        return _without_umlaut(noun[:-1])  # "Akkorde", "Gegenstände"
    if language == "de" and noun.endswith("en"):
        return noun[:-1]  # "Geschichten"; a plural in "-en" whose singular ends in a consonant ("Zahlen") is missed
    if language == "ru" and noun.endswith("а"):
        return noun[:-1]  # "два объекта": after 2-4, a masculine noun's genitive singular
    if language == "it" and noun.endswith("e"):
        return noun[:-1] + "a"  # "due figure": a masculine plural ends in "-i"
    return noun


_VOWELS = frozenset("aeiouy")


def _without_umlaut(stem: str) -> str:
    """A German plural's stem with the umlaut of its last syllable undone: "gegenständ" -> "gegenstand", "bäum" -> "baum"."""
    last = max(stem.rfind(umlaut) for umlaut in "äöü")
    after = stem[last + 1 :].removeprefix("u")  # "äu"
    if last < 0 or any(vowel in after for vowel in "aeiouy"):
        return stem
    return stem[:last] + {"ä": "a", "ö": "o", "ü": "u"}[stem[last]] + stem[last + 1 :]
_PLURAL_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "es": (("ciones", "ción"), ("siones", "sión"), ("ces", "z"), ("ones", "ón"), ("lles", "lle"), ("les", "l"), ("res", "r"),
           ("nes", "n"), ("des", "d"), ("is", "is"), ("us", "us"), ("s", "")),
    "pt": (("ções", "ção"), ("ões", "ão"), ("ns", "m"), ("ais", "al"), ("éis", "el"), ("óis", "ol"), ("res", "r"), ("zes", "z"),
           ("is", "is"), ("s", "")),
    "fr": (("eaux", "eau"), ("aux", "al"), ("is", "is"), ("us", "us"), ("s", ""), ("x", "")),
    "it": (("zioni", "zione"), ("sioni", "sione"), ("tori", "tore"), ("ggi", "ggio"), ("menti", "mento"), ("che", "ca"), ("ghe", "ga"), ("ie", "ia"),
           ("ee", "ea"), ("ci", "co"), ("i", "o")),
    "de": (("ungen", "ung"), ("heiten", "heit"), ("keiten", "keit"), ("ionen", "ion"), ("schaften", "schaft"), ("täten", "tät"),
           ("ien", "ie"), ("een", "ee"), ("innen", "in")),
    "nl": (("ieën", "ie"), ("eën", "ee"), ("ies", "ie"), ("jes", "je"), ("els", "el"), ("ers", "er"), ("ingen", "ing")),
    "ru": (("ию", "ия"), ("ью", "ья"), ("ов", ""), ("ения", "ение"), ("ений", "ение"), ("аний", "ание"), ("ости", "ость"), ("ки", "ка"), ("ги", "га"),
           ("ы", ""), ("у", "а"), ("ю", "я"), ("и", "я")),
}
# Plurals the endings get wrong, and words whose ending only looks like a plural's, by language ("es_pt": both).
_IRREGULAR = {
    "es_pt": """
países:país imágenes:imagen frases:frase análisis:análisis hipótesis:hipótesis crisis:crisis meses:mes lápices:lápiz
datos:dato vez:vez
""",
    "fr": """
pays:pays temps:temps fois:fois cas:cas avis:avis processus:processus synopsis:synopsis travaux:travail
""",
    "it": """
frasi:frase paesi:paese nomi:nome animali:animale parti:parte mesi:mese fiori:fiore colori:colore lezioni:lezione
idee:idea città:città attività:attività difficoltà:difficoltà funzionalità:funzionalità qualità:qualità
suggerimenti:suggerimento personaggi:personaggio consigli:consiglio esempi:esempio modi:modo libri:libro
domande:domanda parole:parola cose:cosa caratteristiche:caratteristica lingue:lingua
componenti:componente clienti:cliente studenti:studente ingredienti:ingrediente
""",
    "de": """
ideen:idee vorteile:vorteil nachteile:nachteil unterschiede:unterschied beispiele:beispiel fragen:frage tipps:tipp
wörter:wort sätze:satz details:detail gründe:grund schritte:schritt länder:land städte:stadt punkte:punkt
methoden:methode strategien:strategie regeln:regel merkmale:merkmal fakten:fakt vorschläge:vorschlag
synonyme:synonym bücher:buch filme:film lieder:lied gedichte:gedicht geschichten:geschichte produkte:produkt
zeilen:zeile zeichen:zeichen namen:name titel:titel aspekte:aspekt faktoren:faktor elemente:element arten:art
pläne:plan formen:form
""",
    "nl": """
vragen:vraag zinnen:zin woorden:woord voordelen:voordeel nadelen:nadeel stappen:stap feiten:feit ideeën:idee
manieren:manier redenen:reden boeken:boek landen:land steden:stad namen:naam regels:regel tips:tip
voorbeelden:voorbeeld kenmerken:kenmerk dingen:ding punten:punt elementen:element factoren:factor sectoren:sector
motoren:motor
""",
    "ru": """
слова:слово слов:слово цвета:цвет хайку:хайку эссе:эссе меню:меню кафе:кафе предметы:предмет примеры:пример
пустыни:пустыня вещи:вещь задачи:задача предложения:предложение
""",
}
_IRREGULAR_PLURALS = {
    language: {word: singular for word, _, singular in (pair.partition(":") for pair in _IRREGULAR[group].split())}
    for group in _IRREGULAR
    for language in group.split("_")
}
_COMPOUND_HEADS = {language: sorted(_IRREGULAR_PLURALS[language], key=len, reverse=True) for language in ("de", "nl")}
